/**
 * The console's sign-in and origin on the local stack (deploy/local/stack.sh runs it):
 *
 *   console-stack provision    realm `qis` from deploy/keycloak/qis-realm.json (once), the console's
 *                              origin, the demo users
 *   console-stack users        the console's URL and the demo users with their passwords
 *   console-stack proxy-up     render deploy/nginx and start (or reload) nginx
 *   console-stack proxy-down   stop it
 *
 * Reads KEYCLOAK_URL, KEYCLOAK_ADMIN_USER, KEYCLOAK_ADMIN_PASSWORD, QIS_KEYCLOAK_REALM,
 * QIS_CONSOLE_PORT, QIS_CONSOLE_USERS_FILE, QIS_INFRA_DIR and QIS_<SERVICE>_URL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CONSOLE_CLIENT_ID,
  CONSOLE_SERVICES,
  consoleRealm,
  demoUsersWithPasswords,
  KeycloakAdmin,
  writeConsoleProxy,
  type ConsoleProxySettings,
} from '@qis/console-stack';

const ROOT = path.resolve(__dirname, '../../..');

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const consoleOrigin = () => `http://127.0.0.1:${env('QIS_CONSOLE_PORT')}`;

async function provision(): Promise<void> {
  const realm = env('QIS_KEYCLOAK_REALM');
  const admin = new KeycloakAdmin({
    url: env('KEYCLOAK_URL'),
    username: env('KEYCLOAK_ADMIN_USER'),
    password: env('KEYCLOAK_ADMIN_PASSWORD'),
  });
  if (!(await admin.realmExists(realm))) {
    await admin.createRealm(consoleRealm(ROOT, { realm, consoleOrigin: consoleOrigin() }));
    console.log(`keycloak: created realm ${realm} from deploy/keycloak/qis-realm.json`);
  }
  await admin.setConsoleOrigins(realm, CONSOLE_CLIENT_ID, [consoleOrigin()]);
  await admin.declareScopeAttributes(realm);
  const users = demoUsersWithPasswords(env('QIS_CONSOLE_USERS_FILE'));
  for (const user of users) await admin.upsertUser(realm, user);
  console.log(`keycloak: realm ${realm} with ${users.length} demo users; the console signs in there`);
}

function users(): void {
  const users = demoUsersWithPasswords(env('QIS_CONSOLE_USERS_FILE'));
  console.log(
    `\nStaff console: ${consoleOrigin()}/   (sign-in: ${env('KEYCLOAK_URL')}/realms/${env('QIS_KEYCLOAK_REALM')})`,
  );
  console.log(`Demo users (passwords generated for you, kept in ${env('QIS_CONSOLE_USERS_FILE')}):`);
  for (const u of users) {
    const scope = Object.entries(u.attributes ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    console.log(
      `  ${u.username.padEnd(18)} ${u.password.padEnd(18)} ${u.roles.join(',').padEnd(20)} ${scope}`,
    );
  }
}

function proxySettings(): ConsoleProxySettings {
  const upstreams = Object.fromEntries(
    CONSOLE_SERVICES.map((s) => [s, env(`QIS_${s.replace('-', '_').toUpperCase()}_URL`)]),
  ) as ConsoleProxySettings['upstreams'];
  return {
    root: ROOT,
    prefix: path.join(env('QIS_INFRA_DIR'), 'nginx'),
    port: Number(env('QIS_CONSOLE_PORT')),
    staticRoot: path.join(ROOT, 'dist/apps/console'),
    upstreams,
    keycloakUrl: env('KEYCLOAK_URL'),
    realm: env('QIS_KEYCLOAK_REALM'),
    clientId: CONSOLE_CLIENT_ID,
  };
}

const running = (pidFile: string): boolean => {
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  // An empty or stale file is no server (and pid 0 would mean this process group).
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** nginx with this configuration; its own message (not a stack trace) when it refuses. */
function nginx(args: string[]): void {
  try {
    execFileSync('nginx', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`nginx ${args.slice(-2).join(' ')}: ${stderr || (error as Error).message}`);
  }
}

function proxyUp(): void {
  const settings = proxySettings();
  const file = writeConsoleProxy(settings);
  const args = ['-e', path.join(settings.prefix, 'error.log'), '-c', file];
  nginx([...args, '-t', '-q']);
  if (running(path.join(settings.prefix, 'nginx.pid'))) nginx([...args, '-s', 'reload']);
  else nginx(args);
  console.log(`nginx: the console and /api/<service>/ on ${consoleOrigin()}`);
}

function proxyDown(): void {
  const settings = proxySettings();
  const file = path.join(settings.prefix, 'nginx.conf');
  if (existsSync(file) && running(path.join(settings.prefix, 'nginx.pid'))) {
    nginx(['-e', path.join(settings.prefix, 'error.log'), '-c', file, '-s', 'quit']);
    console.log('nginx stopped');
  }
}

const commands: Record<string, () => void | Promise<void>> = {
  provision,
  users,
  'proxy-up': proxyUp,
  'proxy-down': proxyDown,
};
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: console-stack provision|users|proxy-up|proxy-down');
  process.exit(2);
}
Promise.resolve()
  .then(command)
  .catch((error: Error) => {
    console.error(`console-stack: ${error.message}`);
    process.exit(1);
  });
