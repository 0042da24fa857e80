import { randomBytes } from 'node:crypto';
import { loadConfig, ObjectStoreConfig } from '@qis/config';
import { declaredTopics, Topics } from '@qis/contracts';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import { kafkaConnection } from '@qis/messaging';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  TestIssuer,
  uniqueName,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';

describe('smoke: the real broker and object store', () => {
  describe('an event sent by one service is received by another through Kafka', () => {
    const services: ServiceProcess[] = [];
    const drops: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      for (const name of ['planning', 'purchasing']) {
        const db = await createTestDatabase(name);
        drops.push(db.drop);
        services.push(spawnService(name, { HTTP_PORT: String(await freePort()), DB_NAME: db.name }));
      }
      await Promise.all(services.map((s) => waitForReady(s)));
    });

    afterAll(async () => {
      await Promise.all(services.map((s) => s.stop()));
      await Promise.all(drops.map((drop) => drop()));
    });

    it('provisioned every declared topic and its dead-letter topic, with their retention', async () => {
      const prefix = process.env['KAFKA_TOPIC_PREFIX'] as string;
      const admin = new Kafka({
        clientId: 'smoke-topics',
        ...kafkaConnection(),
      }).admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        const missing = declaredTopics().filter((t) => !existing.has(`${prefix}${t}`));
        expect(missing).toEqual([]);
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: `${prefix}${Topics.ReportIssued}`,
              configNames: ['retention.ms'],
            },
            {
              type: ConfigResourceTypes.TOPIC,
              name: `${prefix}${Topics.ReportIssued}.dlq`,
              configNames: ['retention.ms'],
            },
          ],
        });
        expect(resources.map((r) => r.configEntries[0].configValue)).toEqual([
          String(30 * 24 * 3_600_000),
          '-1',
        ]);
      } finally {
        await admin.disconnect();
      }
    });

    it('delivers a probe from planning into purchasing, which records it in its own database', async () => {
      const [planning, purchasing] = services;
      // The spawned services trust the test process's issuer.
      const issuer = TestIssuer.shared();
      const sent = await fetch(`${planning.url}/ops/probes`, {
        method: 'POST',
        headers: await issuer.headers({ roles: ['admin'] }),
      });
      expect(sent.status).toBe(202);
      const { probeId } = (await sent.json()) as { probeId: string };

      const receipt = await expectEventually(async () => {
        const res = await fetch(`${purchasing.url}/ops/probes/${probeId}`, {
          headers: await issuer.headers({ roles: ['auditor'] }),
        });
        expect(res.status).toBe(200);
        return res.json();
      });
      expect(receipt).toMatchObject({ probeId, from: 'planning', receivedBy: 'purchasing' });
    });

    it('refuses the probe without a token, and with a role the route does not allow', async () => {
      const [planning] = services;
      const anonymous = await fetch(`${planning.url}/ops/probes`, { method: 'POST' });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      const buyer = await fetch(`${planning.url}/ops/probes`, {
        method: 'POST',
        headers: await TestIssuer.shared().headers({ roles: ['buyer'] }),
      });
      expect(buyer.status).toBe(403);
    });
  });

  describe('an object in MinIO, in a bucket with object lock on', () => {
    const config = loadConfig(ObjectStoreConfig, process.env);
    const client = createObjectStoreClient(config);
    const bucket = uniqueName('t-smoke').replace(/_/g, '-');
    const key = 'batches/HZ2026-000001/unboxing.bin';
    const bytes = randomBytes(256 * 1024);
    let versionId = '';

    beforeAll(async () => {
      // GOVERNANCE so the test can clean up after itself; services use COMPLIANCE.
      await ensureEvidenceBucket(client, bucket, {
        region: config.MINIO_REGION,
        retentionYears: 1,
        mode: 'GOVERNANCE',
      });
    });

    afterAll(async () => {
      if (versionId) await client.removeObject(bucket, key, { versionId, governanceBypass: true });
      await client.removeBucket(bucket);
    });

    it('writes and reads back the same bytes, versioned and encrypted', async () => {
      const put = await client.putObject(bucket, key, bytes, bytes.length, {
        'Content-Type': 'application/octet-stream',
      });
      versionId = put.versionId ?? '';
      expect(versionId).not.toBe('');

      const chunks: Buffer[] = [];
      for await (const chunk of await client.getObject(bucket, key)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);

      const stat = await client.statObject(bucket, key);
      expect(stat.metaData).toBeDefined();
      expect(stat.versionId).toBe(versionId);
    });

    it('has object lock enabled with a default retention', async () => {
      const lock = (await client.getObjectLockConfig(bucket)) as unknown as {
        objectLockEnabled: string;
        mode: string;
        validity: number;
      };
      expect(lock).toMatchObject({ objectLockEnabled: 'Enabled', mode: 'GOVERNANCE', validity: 1 });
      const versioning = await client.getBucketVersioning(bucket);
      expect(versioning).toMatchObject({ Status: 'Enabled' });
    });

    it('refuses to delete a retained version', async () => {
      await expect(client.removeObject(bucket, key, { versionId })).rejects.toThrow(/WORM protected/);
    });
  });

  it('refuses a COMPLIANCE retention under two years', async () => {
    const config = loadConfig(ObjectStoreConfig, process.env);
    await expect(
      ensureEvidenceBucket(createObjectStoreClient(config), 'never-created', {
        region: config.MINIO_REGION,
        retentionYears: 1,
        mode: 'COMPLIANCE',
      }),
    ).rejects.toThrow(/at least 2 years/);
  });
});
