import { randomBytes } from 'node:crypto';
import { startOpensslTsa, type OpensslTsa } from '@qis/testing';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../../test-support/evidence-test-env';
import { entryHash, GENESIS_HASH } from '../custody-hash';

interface Report {
  intact: boolean;
  entriesChecked: number;
  checkpointsChecked: number;
  lastCheckpointAt?: string;
  firstBreak?: { kind: string; seq?: string; reason: string };
}
interface CheckpointBody {
  headSeq: string;
  headHash: string;
  genTime: string;
  serialNumber: string;
  key: string;
}

/**
 * The custody chain's head is stamped by a real RFC 3161 TSA (openssl ts) and kept in the locked
 * bucket; verification then catches what the chain alone cannot: its end cut off, or the whole
 * chain rewritten with fresh hashes. Each test has its own service, database, bucket and TSA.
 */
describe('custody checkpoints (RFC 3161)', () => {
  let tsa: OpensslTsa;
  let env: EvidenceTestEnv;
  let auditor: Record<string, string>;
  let officer: Record<string, string>;

  beforeEach(async () => {
    tsa = await startOpensslTsa();
    env = await startEvidenceTestEnv({ EVIDENCE_TSA_URL: tsa.url, EVIDENCE_TSA_CERT_FILE: tsa.certFile });
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    for (let i = 0; i < 2; i++) {
      const { status } = await uploadThroughApi(env, officer, randomBytes(800 + i), {
        kind: 'sample-photo',
        batchNumber: 'HZ2026-000019',
      });
      expect(status).toBe(200);
    }
  });
  afterEach(async () => {
    await env?.stop();
    await tsa?.stop();
  });

  const verify = async (): Promise<Report> => {
    const res = await fetch(`${env.service.url}/custody/verify`, { headers: auditor });
    expect(res.status).toBe(200);
    return (await res.json()) as Report;
  };
  const checkpoint = async (): Promise<CheckpointBody> => {
    const res = await fetch(`${env.service.url}/custody/checkpoints`, { method: 'POST', headers: auditor });
    const body = (await res.json()) as CheckpointBody;
    if (res.status !== 201) throw new Error(`checkpoint answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  /** Rows as a superuser changes them behind the application (its triggers disabled). */
  const behindTheApplication = async (sql: string, params: unknown[] = []) => {
    await env.adminQuery('alter table custody_entry disable trigger custody_entry_no_change');
    try {
      return await env.adminQuery(sql, params);
    } finally {
      await env.adminQuery('alter table custody_entry enable trigger custody_entry_no_change');
    }
  };

  it('stamps the head, keeps the checkpoint under the object lock and verifies the chain against it', async () => {
    const [head] = await env.adminQuery(
      'select seq::text as seq, hash from custody_entry order by seq desc limit 1',
    );
    const taken = await checkpoint();
    expect(taken).toMatchObject({
      headSeq: head['seq'],
      headHash: head['hash'],
      serialNumber: expect.any(String),
    });
    expect(Math.abs(Date.parse(taken.genTime) - Date.now())).toBeLessThan(120_000);
    // Under the bucket's lock: the store refuses to delete it.
    const stat = await env.minio.statObject(env.bucket, taken.key);
    await expect(
      env.minio.removeObject(env.bucket, taken.key, { versionId: stat.versionId ?? undefined }),
    ).rejects.toThrow();
    const report = await verify();
    expect(report).toMatchObject({ intact: true, checkpointsChecked: 1, lastCheckpointAt: taken.genTime });
    // The check is audited.
    const audit = await env.adminQuery("select actor from audit_log where action = 'custody.checkpoint'");
    expect(audit).toEqual([{ actor: 'auditor-qian' }]);
  });

  it('catches entries cut from the end of the chain after a checkpoint (the chain alone still links)', async () => {
    const taken = await checkpoint();
    expect((await verify()).intact).toBe(true);
    await behindTheApplication('delete from custody_entry where seq = $1', [taken.headSeq]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'ledger-entry',
      seq: taken.headSeq,
      reason: expect.stringContaining('cut from its end'),
    });
  });

  it('catches a chain rewritten and re-hashed as a whole after a checkpoint', async () => {
    const taken = await checkpoint();
    const rows = await env.adminQuery('select * from custody_entry order by seq');
    // The tamperer changes the first entry's actor and re-hashes every entry after it, so each
    // link holds again.
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const entry = {
        seq: String(row['seq']),
        occurredAt: row['occurred_at'] as Date,
        action: row['action'] as string,
        subjectType: row['subject_type'] as 'object' | 'sample',
        subjectId: row['subject_id'] as string,
        batchNumber: row['batch_number'] as string | null,
        objectSha256: row['object_sha256'] as string | null,
        objectVersionId: row['object_version_id'] as string | null,
        actor: i === 0 ? 'someone-else' : (row['actor'] as string),
        actorRoles: row['actor_roles'] as string[],
        sourceIp: row['source_ip'] as string | null,
        tool: row['tool'] as string,
        detail: row['detail'] as Record<string, unknown>,
        prevHash: prev,
      };
      prev = entryHash(entry);
      await behindTheApplication(
        'update custody_entry set actor = $2, prev_hash = $3, hash = $4 where seq = $1',
        [entry.seq, entry.actor, entry.prevHash, prev],
      );
    }
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'ledger-entry',
      seq: taken.headSeq,
      reason: expect.stringContaining('rewritten'),
    });
  });

  it('refuses a checkpoint whose token a foreign TSA made (not the trusted certificate)', async () => {
    const other = await startOpensslTsa();
    try {
      const foreign = await startEvidenceTestEnv({
        EVIDENCE_TSA_URL: other.url,
        EVIDENCE_TSA_CERT_FILE: tsa.certFile,
      });
      try {
        await uploadThroughApi(foreign, officer, randomBytes(500), {
          kind: 'sample-photo',
          batchNumber: 'HZ2026-000019',
        });
        const res = await fetch(`${foreign.service.url}/custody/checkpoints`, {
          method: 'POST',
          headers: auditor,
        });
        expect(res.status).toBe(502);
        expect(((await res.json()) as { message: string }).message).toContain('time-stamping authority');
        expect(
          (await foreign.adminQuery('select count(*)::int as n from custody_entry'))[0]['n'],
        ).toBeGreaterThan(0);
        expect(
          await foreign.minio.listObjectsV2(foreign.bucket, 'custody-checkpoints/', true).toArray(),
        ).toEqual([]);
      } finally {
        await foreign.stop();
      }
    } finally {
      await other.stop();
    }
  });
});
