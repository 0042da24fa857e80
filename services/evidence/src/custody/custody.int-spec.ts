import { randomBytes } from 'node:crypto';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

interface Report {
  intact: boolean;
  entriesChecked: number;
  objectsChecked: number;
  firstBreak?: { kind: string; seq?: string; objectId?: string; reason: string };
}

/** Each test gets its own service, database and bucket: tampering must not leak into the next one. */
describe('custody ledger', () => {
  let env: EvidenceTestEnv;
  let officer: Record<string, string>;
  let auditor: Record<string, string>;

  beforeEach(async () => {
    env = await startEvidenceTestEnv();
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
    for (let i = 0; i < 3; i++) {
      const { status, objectId } = await uploadThroughApi(env, officer, randomBytes(1000 + i), {
        kind: 'sample-photo',
        batchNumber: 'HZ2026-000009',
      });
      expect(status).toBe(200);
      await fetch(`${env.service.url}/evidence/objects/${objectId}/download`, {
        method: 'POST',
        headers: officer,
      });
    }
  });
  afterEach(() => env?.stop());

  const verify = async (): Promise<Report> => {
    const res = await fetch(`${env.service.url}/custody/verify`, { headers: auditor });
    expect(res.status).toBe(200);
    return (await res.json()) as Report;
  };

  it('verifies an untouched chain and every object, with who, when, from where and with what tool on each entry', async () => {
    expect(await verify()).toMatchObject({ intact: true, entriesChecked: 6, objectsChecked: 3 });
    const rows = await env.adminQuery(
      'select actor, source_ip, tool, occurred_at, prev_hash, hash from custody_entry order by seq',
    );
    expect(rows[0]['prev_hash']).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]['prev_hash']).toBe(rows[i - 1]['hash']);
    expect(rows[0]).toMatchObject({
      actor: 'officer-wang',
      source_ip: expect.any(String),
      tool: expect.stringContaining('qis-evidence'),
    });
  });

  it('is append-only for the application role: UPDATE and DELETE are refused by the database', async () => {
    const ds = env.service.app.get(await import('typeorm').then((m) => m.DataSource));
    await expect(ds.query("update custody_entry set actor = 'x' where seq = 1")).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(ds.query('delete from custody_entry where seq = 1')).rejects.toThrow(
      /permission denied|append-only/,
    );
  });

  it('catches a ledger row altered behind the application (triggers disabled by a superuser)', async () => {
    const [second] = await env.adminQuery('select seq from custody_entry order by seq offset 1 limit 1');
    await env.adminQuery('alter table custody_entry disable trigger custody_entry_no_change');
    await env.adminQuery("update custody_entry set actor = 'someone-else' where seq = $1", [second['seq']]);
    await env.adminQuery('alter table custody_entry enable trigger custody_entry_no_change');
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'ledger-entry',
      seq: String(second['seq']),
      reason: expect.stringContaining('altered'),
    });
  });

  it('catches a deleted ledger row as a broken link', async () => {
    const [second] = await env.adminQuery('select seq from custody_entry order by seq offset 1 limit 1');
    await env.adminQuery('alter table custody_entry disable trigger custody_entry_no_change');
    await env.adminQuery('delete from custody_entry where seq = $1', [second['seq']]);
    await env.adminQuery('alter table custody_entry enable trigger custody_entry_no_change');
    const report = await verify();
    expect(report.firstBreak).toMatchObject({
      kind: 'ledger-entry',
      reason: expect.stringContaining('removed or altered'),
    });
  });

  it("catches an object's bytes replaced in the store", async () => {
    const [row] = await env.adminQuery(
      "select id, object_key from evidence_object where status = 'stored' order by created_at limit 1",
    );
    // Object lock keeps the original version; the tamperer can only put new bytes over the key.
    await env.minio.putObject(env.bucket, row['object_key'] as string, randomBytes(1000));
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'object',
      objectId: row['id'],
      reason: expect.stringContaining('hash to'),
    });
  });
});
