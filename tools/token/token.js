// Mints a development bearer token signed with the local issuer's key (made by `npm run infra -- up`):
//   npm run token -- --role lab --lab-id L001 --ttl 1h
// Plain CommonJS so it runs on a fresh clone without a build. Prints the token only.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { importPKCS8, SignJWT } = require('jose');

// Keep in step with libs/auth/src/roles.ts (a test checks both agree).
const ROLES = [
  'planner',
  'approver',
  'buyer',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'platform',
  'disclosure-officer',
  'auditor',
  'admin',
];

const USAGE = `usage: npm run token -- --role ROLE [--role ROLE…] [--sub ID] [--lab-id ID] [--platform-id ID]
                       [--jurisdiction GB/T-2260-CODE] [--ttl 1h|30m|90s|2d] [--key FILE] [--issuer ISS] [--audience AUD]
roles: ${ROLES.join(', ')}`;

function fail(message) {
  process.stderr.write(`token: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function seconds(ttl) {
  const m = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!m || Number(m[1]) === 0) fail(`--ttl ${JSON.stringify(ttl)} is not a duration like 90s, 30m, 1h, 2d`);
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]];
}

function parse(argv) {
  const root = path.resolve(__dirname, '../..');
  const infra = process.env.QIS_INFRA_DIR || path.join(root, '.infra');
  const opts = {
    roles: [],
    sub: undefined,
    labId: undefined,
    platformId: undefined,
    jurisdiction: undefined,
    ttl: '1h',
    key: path.join(infra, 'keys/dev-jwt.key'),
    issuer: process.env.QIS_AUTH_ISSUER || 'qis-dev',
    audience: process.env.QIS_AUTH_AUDIENCE || 'qis',
  };
  const names = {
    '--sub': 'sub',
    '--lab-id': 'labId',
    '--platform-id': 'platformId',
    '--jurisdiction': 'jurisdiction',
    '--ttl': 'ttl',
    '--key': 'key',
    '--issuer': 'issuer',
    '--audience': 'audience',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const value = inline !== undefined ? inline : argv[++i];
    if (value === undefined) fail(`${flag} needs a value`);
    if (flag === '--role' || flag === '--roles') opts.roles.push(...value.split(',').filter(Boolean));
    else if (names[flag]) opts[names[flag]] = value;
    else fail(`unknown option ${flag}`);
  }
  if (opts.roles.length === 0) fail('at least one --role is needed');
  for (const role of opts.roles) if (!ROLES.includes(role)) fail(`unknown role ${JSON.stringify(role)}`);
  if (opts.jurisdiction !== undefined && !/^[1-9]\d{5}$/.test(opts.jurisdiction)) {
    fail(
      `--jurisdiction must be a six-digit GB/T 2260 code (e.g. 330102), got ${JSON.stringify(opts.jurisdiction)}`,
    );
  }
  if (opts.roles.includes('lab') && !opts.labId) fail('a lab token needs --lab-id');
  if (opts.roles.includes('platform') && !opts.platformId) fail('a platform token needs --platform-id');
  if (opts.roles.includes('enforcement-officer') && !opts.jurisdiction) {
    fail('an enforcement-officer token needs --jurisdiction');
  }
  opts.sub = opts.sub || `dev-${opts.roles[0]}`;
  return opts;
}

async function main() {
  const opts = parse(process.argv.slice(2));
  let pem;
  try {
    pem = readFileSync(opts.key, 'utf8');
  } catch (error) {
    fail(
      `cannot read the signing key ${opts.key} (${error.code || error.message}); run: npm run infra -- up`,
    );
  }
  const key = await importPKCS8(pem, 'RS256');
  const claims = { roles: [...new Set(opts.roles)] };
  if (opts.labId) claims.labId = opts.labId;
  if (opts.platformId) claims.platformId = opts.platformId;
  if (opts.jurisdiction) claims.jurisdiction = opts.jurisdiction;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setSubject(opts.sub)
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds(opts.ttl))
    .sign(key);
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`token: ${error.message}\n`);
  process.exit(1);
});
