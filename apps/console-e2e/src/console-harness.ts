import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CONSOLE_CLIENT_ID,
  consoleRealm,
  KeycloakAdmin,
  keycloakSettings,
  newPassword,
  runConsoleProxy,
  type RealmUser,
} from '@qis/console-stack';
import { freePort, repoRoot, startServiceStack, type ServiceStack } from '@qis/testing';

export type ConsoleUser = RealmUser;

/** One user per role this test needs, with a fresh password; officers of two districts. */
const USERS: Array<Omit<RealmUser, 'password'>> = [
  { username: 'planner-a', lastName: '周', firstName: '敏', roles: ['planner'] },
  { username: 'approver-a', lastName: '陈', firstName: '立', roles: ['approver'] },
  { username: 'planner-approver', lastName: '吴', firstName: '刚', roles: ['planner', 'approver'] },
  { username: 'admin-a', lastName: '运维', firstName: '管理员', roles: ['admin'] },
  { username: 'auditor-a', lastName: '孙', firstName: '丽', roles: ['auditor'] },
  { username: 'purchasing-admin-a', lastName: '李', firstName: '管', roles: ['purchasing-admin'] },
  {
    username: 'lab-a',
    lastName: '纺织院',
    firstName: '检测员',
    roles: ['lab'],
    attributes: { labId: 'LAB-A' },
  },
  {
    username: 'officer-binjiang',
    lastName: '赵',
    firstName: '磊',
    roles: ['enforcement-officer'],
    attributes: { jurisdiction: '330108' },
  },
  { username: 'buyer-a', lastName: '买家', firstName: '甲', roles: ['buyer'] },
  { username: 'buyer-b', lastName: '买家', firstName: '乙', roles: ['buyer'] },
  { username: 'intake-a', lastName: '钱', firstName: '进', roles: ['intake-officer'] },
  { username: 'intake-b', lastName: '孙', firstName: '收', roles: ['intake-officer'] },
  { username: 'disclosure-a', lastName: '马', firstName: '琳', roles: ['disclosure-officer'] },
  {
    username: 'officer-city',
    lastName: '钱',
    firstName: '进',
    roles: ['enforcement-officer'],
    attributes: { jurisdiction: '330100' },
  },
  {
    username: 'platform-a',
    lastName: '云购商城',
    firstName: '对接人',
    roles: ['platform'],
    attributes: { platformId: 'yungou' },
  },
  { username: 'no-role', lastName: '访', firstName: '客', roles: [] },
];

export interface ConsoleStack {
  /** The console's origin (nginx): `/` the console, `/api/<service>/` each service. */
  url: string;
  realm: string;
  services: ServiceStack;
  user(username: string): ConsoleUser;
  stop(): Promise<void>;
}

/** The built console: dist/apps/console, or QIS_CONSOLE_DIST (a build of one's own, e.g. while another is rebuilt). */
const consoleBuild = () => process.env.QIS_CONSOLE_DIST ?? path.join(repoRoot(), 'dist/apps/console');

/**
 * The whole console stack for one test file, isolated from any other: a Keycloak realm of its own
 * made from deploy/keycloak/qis-realm.json (with the console's redirect URIs on this file's nginx
 * port), the six services as processes trusting that realm beside the test issuer, and nginx
 * serving the built console (npm run console:build) with the services under one origin.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  if (!existsSync(path.join(consoleBuild(), 'index.html')))
    throw new Error(`${consoleBuild()} is missing: build the console first (npm run console:build)`);
  const settings = keycloakSettings();
  const admin = new KeycloakAdmin(settings);
  const realm = `qis-e2e-${randomBytes(4).toString('hex')}`;
  const issuer = `${settings.url}/realms/${realm}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const users = USERS.map((u) => ({ ...u, password: newPassword() }));

  await admin.createRealm(consoleRealm(repoRoot(), { realm, consoleOrigin: url }));
  let services: ServiceStack | undefined;
  let proxy: { stop(): Promise<void> } | undefined;
  const stop = async () => {
    await proxy?.stop();
    await services?.stop();
    await admin.deleteRealm(realm);
  };
  try {
    await admin.declareScopeAttributes(realm);
    for (const user of users) await admin.upsertUser(realm, user);
    services = await startServiceStack(
      { all: { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_JWKS_URL: `${issuer}/protocol/openid-connect/certs` } },
      'console',
    );
    const prefix = mkdtempSync(path.join(tmpdir(), 'qis-console-nginx-'));
    mkdirSync(prefix, { recursive: true });
    proxy = await runConsoleProxy({
      root: repoRoot(),
      prefix,
      port,
      staticRoot: consoleBuild(),
      upstreams: services.url,
      keycloakUrl: settings.url,
      realm,
      clientId: CONSOLE_CLIENT_ID,
    });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    url,
    realm,
    services,
    user: (username) => {
      const found = users.find((u) => u.username === username);
      if (!found) throw new Error(`no test user ${username}`);
      return found;
    },
    stop,
  };
}
