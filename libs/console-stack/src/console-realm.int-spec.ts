import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  createTestDatabase,
  freePort,
  repoRoot,
  spawnService,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { CONSOLE_CLIENT_ID, consoleRealm } from './console-realm';
import { KeycloakAdmin } from './keycloak-admin';
import { newPassword } from './demo-users';
import { keycloakSettings } from './test-realm';

jest.setTimeout(120_000);

/**
 * The realm file on the real Keycloak: a user's token carries the audience, roles and scope claims
 * the services check, and a service configured with the console's issuer accepts it (and refuses
 * it for a route of another role). Each run uses a realm of its own, removed at the end.
 */
describe('deploy/keycloak/qis-realm.json on the real Keycloak', () => {
  const settings = keycloakSettings();
  const admin = new KeycloakAdmin(settings);
  const realm = `qis-t-${randomBytes(4).toString('hex')}`;
  const issuer = `${settings.url}/realms/${realm}`;
  let planning: ServiceProcess;
  let database: { name: string; drop(): Promise<void> };

  /** A password grant through a test-only client (the console's own client allows only code + PKCE). */
  const tokenOf = async (username: string, password: string): Promise<string> => {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'test-direct', username, password }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };

  beforeAll(async () => {
    await admin.createRealm(consoleRealm(repoRoot(), { realm, consoleOrigin: 'http://127.0.0.1:1' }));
    await admin.declareScopeAttributes(realm);
    await admin.addClient(realm, {
      clientId: 'test-direct',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
      defaultClientScopes: ['basic', 'roles', 'profile', 'qis'],
    });
    database = await createTestDatabase('planning');
    planning = spawnService('planning', {
      DB_NAME: database.name,
      HTTP_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      AUTH_OIDC_ISSUER: issuer,
      AUTH_OIDC_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
    });
    await waitForReady(planning, 120_000);
  });
  afterAll(async () => {
    await planning?.stop();
    await database?.drop();
    await admin.deleteRealm(realm);
  });

  it('gives an officer a token with the services audience, the role and the jurisdiction claim', async () => {
    const password = newPassword();
    await admin.upsertUser(realm, {
      username: 'officer-a',
      firstName: '磊',
      lastName: '赵',
      roles: ['enforcement-officer'],
      attributes: { jurisdiction: '330108' },
      password,
    });
    const claims = decodeJwt(await tokenOf('officer-a', password));
    expect(claims.iss).toBe(issuer);
    expect([claims.aud].flat()).toContain('qis');
    // Keycloak's default roles (offline_access, …) come too; the services ignore roles they don't know.
    expect(claims['roles']).toEqual(expect.arrayContaining(['enforcement-officer']));
    expect(claims['jurisdiction']).toBe('330108');
    expect(typeof claims.sub).toBe('string');
  });

  it("lets a planner's console token through to the planning service, and refuses an auditor on a planner's route", async () => {
    const password = newPassword();
    await admin.upsertUser(realm, {
      username: 'planner-a',
      firstName: '敏',
      lastName: '周',
      roles: ['planner'],
      password,
    });
    await admin.upsertUser(realm, {
      username: 'auditor-a',
      firstName: '丽',
      lastName: '孙',
      roles: ['auditor'],
      password,
    });
    const planner = await tokenOf('planner-a', password);
    const list = await fetch(`${planning.url}/plans`, { headers: { authorization: `Bearer ${planner}` } });
    expect(list.status).toBe(200);
    const create = await fetch(`${planning.url}/plans`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf('auditor-a', password)}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(create.status).toBe(403);
  });

  it('re-provisioning a user replaces its roles and attributes (a moved officer loses the old district)', async () => {
    const password = newPassword();
    const user = {
      username: 'officer-b',
      firstName: '悦',
      lastName: '孙',
      roles: ['enforcement-officer'],
      password,
    };
    await admin.upsertUser(realm, { ...user, attributes: { jurisdiction: '330110' } });
    await admin.upsertUser(realm, { ...user, roles: ['auditor'], attributes: { jurisdiction: '330108' } });
    const claims = decodeJwt(await tokenOf('officer-b', password));
    expect(claims['roles']).toEqual(expect.arrayContaining(['auditor']));
    expect(claims['roles']).not.toContain('enforcement-officer');
    expect(claims['jurisdiction']).toBe('330108');
  });

  it('keeps the console client to code + PKCE (no password grant, S256 required)', async () => {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: CONSOLE_CLIENT_ID,
        username: 'planner-a',
        password: 'x',
      }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized_client');
  });
});
