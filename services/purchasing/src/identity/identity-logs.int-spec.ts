import { createTestDatabase, freePort, spawnService, waitForReady, type ServiceProcess } from '@qis/testing';
import { identityKeyEnv } from '../testing/identity-key-env';
import { fakeIdentity } from '../testing/purchasing-fixtures';
import { TestIssuer } from '@qis/testing';

jest.setTimeout(120_000);

describe('purchasing logs', () => {
  let db: { name: string; drop(): Promise<void> };
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('purchasing');
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it("never write a buyer's real name, ID number or phone, not even at debug level or on errors", async () => {
    service = spawnService('purchasing', {
      ...identityKeyEnv(),
      DB_NAME: db.name,
      HTTP_PORT: String(await freePort()),
      LOG_LEVEL: 'debug',
    });
    await waitForReady(service);
    const identity = fakeIdentity();
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${service?.url}${path}`, {
        method,
        headers: {
          ...(await TestIssuer.shared().headers({ roles: ['purchasing-admin'], sub: 'admin-zhou' })),
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const registered = await call('POST', '/buyers', { userId: 'buyer-log', ...identity });
    expect(registered.status).toBe(201);
    const id = registered.body['id'] as string;
    expect((await call('GET', `/buyers/${id}/identity`)).body).toMatchObject(identity);
    // Refusals echo nothing of the identity either: a duplicate, and a body failing validation.
    expect((await call('POST', '/buyers', { userId: 'buyer-log', ...identity })).status).toBe(409);
    const invalid = await call('POST', '/buyers', {
      ...identity,
      userId: 'buyer-log-2',
      idNumber: `${identity.idNumber}Z`,
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).not.toContain(identity.realName);
    await service.stop();

    const output = service.output();
    expect(output).toContain('"service":"purchasing"');
    expect(output).toContain('/identity');
    for (const secret of [identity.realName, identity.idNumber, identity.phone])
      expect(output).not.toContain(secret);
  });
});
