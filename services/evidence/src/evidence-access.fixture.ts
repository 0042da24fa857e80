import { randomBytes, randomInt } from 'node:crypto';
import { createObjectStoreClient, ensureEvidenceBucket, ensureStagingBucket } from '@qis/storage';
import { expectEventually, removeTestBucket, type ForeignScopeFixture, type TestService } from '@qis/testing';
import { EvidenceConfig } from './evidence.config';
import { sha256Hex, uploadThroughApi, type EvidenceTestEnv } from './test-support/evidence-test-env';

/** The sampling bureau's area (the service's default): its officers read every batch not routed away. */
const BUREAU = '330100';
/**
 * A district of the city (until a batch is routed to it, none of the bureau's evidence is its own),
 * another city, another province.
 */
const FOREIGN_JURISDICTIONS = ['330108', '330200', '350000'];

/**
 * Real evidence of the sampling bureau for the access matrix: a sample photo of a batch, uploaded
 * through the API by an intake officer into a bucket of the test's own (GOVERNANCE lock, so it can
 * be removed). Evidence's object routes name no scope in their policy, yet read an officer's
 * jurisdiction against the batch: they are checked as jurisdiction-scoped routes.
 */
export function evidenceAccess(): {
  env: () => Promise<Record<string, string>>;
  foreignScope: (service: TestService<EvidenceConfig>) => Promise<ForeignScopeFixture>;
} {
  const bucket = `qis-test-ev-${randomBytes(5).toString('hex')}`;
  const minio = createObjectStoreClient(Object.assign(new EvidenceConfig(), process.env) as EvidenceConfig);
  return {
    env: async () => {
      await ensureEvidenceBucket(minio, bucket, {
        region: process.env['MINIO_REGION'] ?? 'us-east-1',
        retentionYears: 2,
        mode: 'GOVERNANCE',
      });
      await ensureStagingBucket(minio, `${bucket}-staging`, {
        region: process.env['MINIO_REGION'] ?? 'us-east-1',
        expiryDays: 1,
      });
      return { EVIDENCE_BUCKET: bucket, EVIDENCE_LOCK_MODE: 'GOVERNANCE', EVIDENCE_PART_SIZE_MB: '5' };
    },
    foreignScope: async (service) => {
      const env = { service, minio, bucket } as unknown as EvidenceTestEnv;
      const batchNumber = `HZ2026-${String(randomInt(900_000, 949_999))}`;
      const photo = randomBytes(4000);
      const intake = await service.auth({ roles: ['intake-officer'], sub: 'officer-intake-access' });
      const uploaded = await uploadThroughApi(env, intake, photo, {
        kind: 'sample-photo',
        batchNumber,
        contentType: 'image/jpeg',
      });
      if (uploaded.status >= 300)
        throw new Error(`finalize: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
      const id = uploaded.objectId;
      const admin = await service.auth({ roles: ['admin'], sub: 'admin-access' });
      await expectEventually(async () => {
        const res = await fetch(`${service.url}/evidence/objects/${id}`, { headers: admin });
        expect(((await res.json()) as { status: string }).status).toBe('stored');
      });
      const values = [id, sha256Hex(photo), batchNumber];
      const call = { params: { id }, scope: 'jurisdiction' as const };
      return {
        own: { jurisdiction: BUREAU },
        foreign: { jurisdiction: FOREIGN_JURISDICTIONS },
        values,
        routes: {
          'GET /evidence/objects/:id': call,
          'GET /evidence/objects/:id/custody': call,
          'POST /evidence/objects/:id/download': { ...call, body: {} },
          'POST /evidence/objects/:id/view': { ...call, body: {} },
        },
        close: () => removeTestBucket(minio, bucket),
      };
    },
  };
}
