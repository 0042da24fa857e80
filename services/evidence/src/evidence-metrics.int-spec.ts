import { randomBytes } from 'node:crypto';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from './test-support/evidence-test-env';

/** Evidence's own metrics beside the common ones: objects and bytes stored, read at each scrape. */
describe('evidence metrics', () => {
  let env: EvidenceTestEnv;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
  });
  afterAll(() => env?.stop());

  it('counts the objects and bytes stored, by kind', async () => {
    const officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    for (const size of [1_000, 2_500]) {
      const { status } = await uploadThroughApi(env, officer, randomBytes(size), {
        kind: 'sample-photo',
        batchNumber: 'HZ2026-000051',
      });
      expect(status).toBe(200);
    }
    const res = await fetch(`${env.service.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^qis_evidence_objects\{kind="sample-photo",service="evidence"\} 2$/m);
    expect(text).toMatch(/^qis_evidence_bytes_stored\{service="evidence"\} 3500$/m);
  });
});
