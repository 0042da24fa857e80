import { execFile, execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  repoRoot,
  startServiceStack,
  TestIssuer,
  type ServiceStack,
  type StageService,
  type TestClaims,
} from '@qis/testing';
import { validationMismatches } from './fuzz-report';

/**
 * Property-based fuzzing of every service as an integrator would meet it (schemathesis, from PyPI):
 * requests generated from each OpenAPI document — its examples, every boundary of every documented
 * constraint, then random valid and invalid input, then sequences that follow the documents' links
 * (create a plan, then submit and approve it; register a buyer, then add an account) — sent with a
 * token of each role that works there, with a real scope value. Every answer must be no 5xx, a documented status and in its
 * documented schema; and no operation may newly refuse most of what its document calls valid (the
 * "schema validation mismatch" warning): the ones that still do are listed, each with why, in
 * known-validation-mismatches.json, and that list only shrinks. The seed is printed and kept with the report (test-artifacts/fuzz/), so a
 * failure reproduces: FUZZ_SEED=<seed> npm run fuzz (FUZZ_MAX_EXAMPLES for a longer run). It runs in
 * npm test with a fixed seed; npm run fuzz draws a new seed each time.
 */
// npm test fuzzes with a fixed seed, so CI is reproducible; npm run fuzz draws a new one each run
// (FUZZ_SEED=random), and FUZZ_SEED=<n> replays one.
const CI_SEED = 784796085;
const SEED =
  process.env['FUZZ_SEED'] === 'random' ? randomInt(1, 2 ** 31) : Number(process.env['FUZZ_SEED'] ?? CI_SEED);
const MAX_EXAMPLES = process.env['FUZZ_MAX_EXAMPLES'] ?? '10';

/**
 * Operations that still refuse most generated data their document calls valid, each with the rule
 * the document cannot state (a reference to a record the fuzzer cannot know, a rule across items).
 */
const KNOWN_MISMATCHES = JSON.parse(
  readFileSync(join(__dirname, 'known-validation-mismatches.json'), 'utf8'),
) as Record<StageService, Record<string, string>>;

const ROLES: Record<StageService, TestClaims[]> = {
  planning: [{ roles: ['admin'] }, { roles: ['planner'] }],
  purchasing: [{ roles: ['admin'] }, { roles: ['purchasing-admin'] }, { roles: ['buyer'] }],
  evidence: [{ roles: ['admin'] }, { roles: ['intake-officer'] }, { roles: ['lab'], labId: 'LAB-FUZZ' }],
  'lab-gateway': [{ roles: ['admin'] }, { roles: ['lab'], labId: 'LAB-FUZZ' }],
  enforcement: [
    { roles: ['admin'] },
    { roles: ['enforcement-officer'], jurisdiction: '330108' },
    { roles: ['approver'] },
  ],
  disclosure: [
    { roles: ['admin'] },
    { roles: ['platform'], platformId: 'taobao' },
    { roles: ['enforcement-officer'], jurisdiction: '330100' },
  ],
};

/** FUZZ_SERVICES=planning,disclosure limits a run to those services. */
const only = process.env['FUZZ_SERVICES']?.split(',').filter(Boolean);

const runs = Object.entries(ROLES)
  .filter(([service]) => !only || only.includes(service))
  .flatMap(([service, claims]) =>
    claims.map((claim) => [service as StageService, claim.roles.join('+'), claim] as const),
  );

describe(`fuzzing every service (schemathesis, seed ${SEED})`, () => {
  let stack: ServiceStack;
  let st: string;
  const reports = join(repoRoot(), 'test-artifacts', 'fuzz');

  beforeAll(async () => {
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
    st = execFileSync('bash', [join(repoRoot(), 'tools/openapi/schemathesis.sh')], {
      encoding: 'utf8',
    }).trim();
    mkdirSync(reports, { recursive: true });
    stack = await startServiceStack({ all: { LOG_LEVEL: 'error' } }, 'fuzz');
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it.each(runs)(
    '%s as %s: no 5xx, every status and body as documented',
    async (service, role, claims) => {
      const auth = await TestIssuer.shared().headers({ sub: `fuzz-${role}`, ...claims });
      const args = [
        'run',
        `${stack.url[service]}/docs-json`,
        '--header',
        `Authorization: ${auth['authorization']}`,
        '--phases',
        'examples,coverage,fuzzing,stateful',
        '--checks',
        'not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance',
        '--max-examples',
        MAX_EXAMPLES,
        '--seed',
        String(SEED),
        '--workers',
        '1',
        '--no-color',
        '--max-failures',
        '50',
        // FUZZ_CASSETTES=1 keeps every request and answer (tokens sanitized) beside the report, to
        // see what an operation refused and why.
        ...(process.env['FUZZ_CASSETTES']
          ? ['--report', 'vcr', '--report-vcr-path', join(reports, `${service}-${role}.vcr.yaml`)]
          : []),
      ];
      let output: string;
      let failed = false;
      try {
        output = (
          await promisify(execFile)(st, args, {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
            timeout: 600_000,
            // Generators for the rules JSON Schema cannot state (check characters, rules across items).
            env: {
              ...process.env,
              PYTHONPATH: join(repoRoot(), 'tools/openapi'),
              SCHEMATHESIS_HOOKS: 'schemathesis_hooks',
            },
          })
        ).stdout;
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
        failed = true;
      }
      // The token is a secret of the test issuer only, but reports keep none.
      output = output.replaceAll(auth['authorization'] ?? '', 'Bearer [token]');
      writeFileSync(join(reports, `${service}-${role}.txt`), output);
      const summary = output.slice(
        output.lastIndexOf('FAILURES') === -1
          ? output.lastIndexOf('SUMMARY')
          : output.lastIndexOf('FAILURES'),
      );
      const unexplained = validationMismatches(output).filter(
        (operation) => !KNOWN_MISMATCHES[service]?.[operation],
      );
      expect({ failed, seed: SEED, summary: failed ? summary : 'ok', unexplained }).toEqual({
        failed: false,
        seed: SEED,
        summary: 'ok',
        unexplained: [],
      });
    },
    600_000,
  );
});
