import { createCipheriv, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '@qis/runtime';
import { createTestDatabase, TestIssuer, uniqueName } from '@qis/testing';
import { Client } from 'pg';
import { purchasingService } from '../purchasing.definition';
import { fakeIdentity } from '../testing/purchasing-fixtures';

jest.setTimeout(120_000);

const key = (kid: string): string => `${kid}:${randomBytes(32).toString('base64')}`;
const admin = { roles: ['purchasing-admin'], sub: 'admin-zhou' };
const blindIndexKey = randomBytes(32).toString('base64');

/** A value as the service wrote it before row binding: `v1`, only the field as associated data. */
const legacyEnvelope = (ring: string, plaintext: string, field: string): string => {
  const [kid, material] = ring.split(':');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(material, 'base64'), iv);
  cipher.setAAD(Buffer.from(field, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', kid, ...[iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'))].join('.');
};

describe('identity key rotation', () => {
  let db: { name: string; drop(): Promise<void> };
  let app: INestApplication | undefined;
  const k1 = key('k1');
  const k2 = key('k2');

  const shutdown = async () => {
    await app?.close();
    app = undefined;
  };
  /** One service at a time: the one booted before is closed first (else its scheduler outlives the file). */
  const boot = async (env: Record<string, string>): Promise<string> => {
    await shutdown();
    const running = await bootstrapService(purchasingService, {
      env: {
        ...process.env,
        DB_NAME: db.name,
        ...TestIssuer.shared().env,
        PURCHASING_BLIND_INDEX_KEY: blindIndexKey,
        ...env,
      },
      port: 0,
      groupId: uniqueName('t-purchasing'),
    });
    app = running.app;
    return running.url;
  };
  const call = async (url: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(await TestIssuer.shared().headers(admin)), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const sql = async <T extends Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<T[]> => {
    const pg = new Client({
      host: process.env['DB_HOST'] ?? '127.0.0.1',
      port: Number(process.env['DB_PORT'] ?? 15432),
      user: process.env['DB_USER'],
      password: process.env['DB_PASSWORD'],
      database: db.name,
    });
    await pg.connect();
    try {
      return (await pg.query<T>(text, params)).rows;
    } finally {
      await pg.end();
    }
  };
  const envelopes = async (): Promise<string[]> => {
    const pg = new Client({
      host: process.env['DB_HOST'] ?? '127.0.0.1',
      port: Number(process.env['DB_PORT'] ?? 15432),
      user: process.env['DB_USER'],
      password: process.env['DB_PASSWORD'],
      database: db.name,
    });
    await pg.connect();
    try {
      const rows = await pg.query<{ v: string }>(`
        select unnest(array[real_name_enc, id_number_enc, phone_enc]) as v from buyer
        union all select account_name_enc from shopping_account
        union all select unnest(array[recipient_name_enc, phone_enc, address_line_enc]) from receiving_address`);
      return rows.rows.map((r) => r.v);
    } finally {
      await pg.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('purchasing');
  });
  afterAll(async () => {
    await shutdown();
    await db?.drop();
  });

  it('re-encrypts every value with the new key; old ciphertexts read until then and the old key can then leave the ring', async () => {
    const identity = fakeIdentity();
    let url = await boot({ PURCHASING_IDENTITY_KEY: k1, PURCHASING_ACTIVE_KEY_ID: 'k1' });
    const buyer = await call(url, 'POST', '/buyers', { userId: 'buyer-rot', ...identity });
    expect(buyer.status).toBe(201);
    const id = buyer.body['id'] as string;
    expect(
      (
        await call(url, 'POST', `/buyers/${id}/accounts`, {
          platform: 'taobao',
          accountName: 'tb_rot',
          alias: 'R1',
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await call(url, 'POST', '/addresses', {
            label: `rot-${i}`,
            areaCode: '330110',
            relay: false,
            recipientName: `收件人${i}`,
            phone: '13700000000',
            addressLine: `文一西路${i}号`,
          })
        ).status,
      ).toBe(201);
    expect((await envelopes()).every((v) => v.startsWith('v2.k1.'))).toBe(true);
    await shutdown();

    // New active key k2; k1 stays in the ring until the rotation has run.
    url = await boot({
      PURCHASING_IDENTITY_KEY: `${k1},${k2}`,
      PURCHASING_ACTIVE_KEY_ID: 'k2',
      PURCHASING_REKEY_BATCH_SIZE: '2',
    });
    expect((await call(url, 'GET', `/buyers/${id}/identity`)).body).toMatchObject(identity);
    const before = await call(url, 'GET', '/identity-keys');
    expect(before.body['keysInUse']).toMatchObject({ 'buyer.real_name_enc': { k1: 1 } });

    const rotation = await call(url, 'POST', '/identity-keys/rotation');
    expect(rotation.status).toBe(200);
    expect(rotation.body).toMatchObject({ activeKeyId: 'k2', reencrypted: 3 + 1 + 9 });
    const after = await envelopes();
    expect(after).toHaveLength(13);
    expect(after.every((v) => v.startsWith('v2.k2.'))).toBe(true);
    expect((await call(url, 'POST', '/identity-keys/rotation')).body).toMatchObject({ reencrypted: 0 });
    await shutdown();

    // k1 removed: everything still reads.
    url = await boot({ PURCHASING_IDENTITY_KEY: k2, PURCHASING_ACTIVE_KEY_ID: 'k2' });
    expect((await call(url, 'GET', `/buyers/${id}/identity`)).body).toMatchObject(identity);
  });

  it("binds each identity value to its buyer's row: values written before still read and a rotation binds them; a copy into another buyer's row does not decrypt", async () => {
    // Same database as above: its values are under k2 by now; the legacy ones below are under k1.
    const url = await boot({ PURCHASING_IDENTITY_KEY: `${k1},${k2}`, PURCHASING_ACTIVE_KEY_ID: 'k2' });
    const register = async (userId: string) => {
      const identity = fakeIdentity();
      const res = await call(url, 'POST', '/buyers', { userId, ...identity });
      expect(res.status).toBe(201);
      return { id: res.body['id'] as string, identity };
    };
    const legacy = await register('buyer-legacy');
    const victim = await register('buyer-victim');
    const accomplice = await register('buyer-accomplice');
    expect((await call(url, 'GET', `/buyers/${victim.id}/identity`)).body).toMatchObject(victim.identity);

    // A row as the service stored it before row binding: it still reads back.
    await sql(`update buyer set real_name_enc = $2, id_number_enc = $3, phone_enc = $4 where id = $1`, [
      legacy.id,
      legacyEnvelope(k1, legacy.identity.realName, 'buyer.real_name'),
      legacyEnvelope(k1, legacy.identity.idNumber, 'buyer.id_number'),
      legacyEnvelope(k1, legacy.identity.phone, 'buyer.phone'),
    ]);
    expect((await call(url, 'GET', `/buyers/${legacy.id}/identity`)).body).toMatchObject(legacy.identity);
    expect((await call(url, 'GET', '/identity-keys')).body).toMatchObject({ unboundValues: 3 });

    // The victim's ID number copied into the accomplice's row does not decrypt there.
    await sql(
      `update buyer set id_number_enc = (select id_number_enc from buyer where id = $1) where id = $2`,
      [victim.id, accomplice.id],
    );
    const copied = await call(url, 'GET', `/buyers/${accomplice.id}/identity`);
    expect(copied.status).not.toBe(200);
    expect(JSON.stringify(copied.body)).not.toContain(victim.identity.idNumber);
    await sql(`delete from buyer where id = $1`, [accomplice.id]);

    // The rotation binds the old values to their row; everything still reads.
    const rotation = await call(url, 'POST', '/identity-keys/rotation');
    expect(rotation.body).toMatchObject({ unboundValues: 0 });
    expect(await envelopes()).not.toContainEqual(expect.stringMatching(/^v1\./));
    expect((await call(url, 'GET', `/buyers/${legacy.id}/identity`)).body).toMatchObject(legacy.identity);
    expect((await call(url, 'GET', `/buyers/${victim.id}/identity`)).body).toMatchObject(victim.identity);
    await shutdown();
  });
});
