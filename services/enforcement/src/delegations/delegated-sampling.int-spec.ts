import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ResultFinal,
  SamplingDelegated,
  type ResultFinalValue,
  type SamplingDelegatedValue,
} from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, type Claims } from '../testing/enforcement-fixture';

const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});
const DELEGATE = officer('330102'); // 上城: the district the city delegates to
const FOREIGN = officer('330108'); // 滨江: neither routed nor delegated
const CITY = officer('330100');

interface NoticeBody {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
}

/**
 * Delegated sampling (一事一委托): the city bureau delegates a batch to a district bureau (planning
 * publishes it); the district's officers then act on the batch with the city's rules while the
 * delegation stands, its notices name the delegating authority, and the final result names who sampled.
 */
describe('a batch delegated to a district bureau', () => {
  let fx: EnforcementFixture;
  const batch = `HZ2026-${String(randomInt(850_000, 899_999))}`;
  const delegation = (over: Partial<SamplingDelegatedValue> = {}): SamplingDelegatedValue => ({
    ...SamplingDelegated.example.value,
    delegationId: '7d0a4c2e-9b1f-4e3a-8c5d-6f7e8a9b0c1d',
    batchNumber: batch,
    matter: 'batch',
    reference: '杭市监委〔2026〕88号',
    validFrom: '2026-01-01',
    validUntil: '2099-12-31',
    recordedAt: '2026-01-05T02:00:00.000Z', // before the purchase (2026-03-02) and every notice
    ...over,
  });
  let result: NoticeBody;
  let sampling: NoticeBody;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    await fx.batch(batch);
    [sampling] = await fx.notices<NoticeBody>(batch, 'sampling');
    [result] = (await fx.notices<NoticeBody>(batch, 'result', 2)).filter(
      (n) => n.channel !== 'public-notice' && n.recipient === 'seller',
    );
  }, 120_000);
  afterAll(() => fx?.stop());

  const expectHidden = (res: { status: number; body: unknown }, entity: string, id: string): void => {
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: `${entity} ${id} not found`,
    });
    // The error envelope only (its machine code included): nothing of the record.
    for (const key of Object.keys(res.body as object))
      expect(['statusCode', 'error', 'message', 'requestId', 'code']).toContain(key);
  };

  const pdfText = async (noticeId: string, claims: Claims): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${fx.service.url}/notices/${noticeId}/pdf`, {
      headers: await fx.service.auth(claims),
    });
    if (res.status !== 200) return { status: res.status, text: await res.text() };
    const dir = mkdtempSync(join(tmpdir(), 'delegated-notice-'));
    writeFileSync(join(dir, 'n.pdf'), Buffer.from(await res.arrayBuffer()));
    return { status: 200, text: execFileSync('pdftotext', ['n.pdf', '-'], { cwd: dir }).toString() };
  };

  it('hides the batch from a district it is neither routed nor delegated to', async () => {
    expectHidden(await fx.call('GET', `/batches/${batch}/notices`, DELEGATE), 'batch', batch);
  });

  it("lets the delegated district's officers see and act on the batch once planning delegates it; another district gets 404", async () => {
    await fx.emit(SamplingDelegated, batch, delegation());
    await expectEventually(async () => {
      expect((await fx.call('GET', `/batches/${batch}/notices`, DELEGATE)).status).toBe(200);
    });
    expect((await fx.call('GET', `/notices/${result.id}`, DELEGATE)).status).toBe(200);
    expect((await fx.call('GET', `/batches/${batch}/objections`, DELEGATE)).status).toBe(200);
    expect((await fx.call('GET', `/batches/${batch}/stages`, DELEGATE)).status).toBe(200);
    const now = (await fx.now()).toISOString();
    const delivered = await fx.call('POST', `/notices/${result.id}/delivery`, DELEGATE, {
      sentAt: now,
      receivedAt: now,
    });
    expect(delivered.status).toBe(200);

    expectHidden(await fx.call('GET', `/batches/${batch}/notices`, FOREIGN), 'batch', batch);
    expectHidden(await fx.call('GET', `/notices/${result.id}`, FOREIGN), 'notice', result.id);
    expectHidden(await fx.call('GET', `/batches/${batch}/objections`, FOREIGN), 'batch', batch);
    expectHidden(
      await fx.call('POST', `/notices/${sampling.id}/delivery`, FOREIGN, { sentAt: now, receivedAt: now }),
      'notice',
      sampling.id,
    );
    const foreignPdf = await pdfText(sampling.id, FOREIGN);
    expect(foreignPdf.status).toBe(404);
    expect(foreignPdf.text).not.toContain('杭市监委');
    // The city keeps its view of its own batch.
    expect((await fx.call('GET', `/batches/${batch}/notices`, CITY)).status).toBe(200);
  });

  it('names the delegating authority and the letter of delegation on the notice (pdftotext)', async () => {
    const { status, text } = await pdfText(sampling.id, DELEGATE);
    expect(status).toBe(200);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(
      '抽样实施单位：杭州市上城区市场监督管理局（受杭州市市场监督管理局委托，委托书编号：杭市监委〔2026〕88号）',
    );
  });

  it('ends the district’s access when the delegation is revoked; a replayed older revision does not bring it back', async () => {
    const revokedAt = (await fx.now()).toISOString();
    await fx.emit(
      SamplingDelegated,
      batch,
      delegation({ revision: 2, status: 'revoked', revokedAt, revocationReason: '市局收回委托' }),
    );
    await expectEventually(async () => {
      expectHidden(await fx.call('GET', `/batches/${batch}/notices`, DELEGATE), 'batch', batch);
    });
    expectHidden(await fx.call('GET', `/notices/${result.id}`, DELEGATE), 'notice', result.id);
    await fx.emit(SamplingDelegated, batch, delegation());
    await fx.emit(SamplingDelegated, batch, { ...delegation(), batchNumber: batch });
    // The replay is filed (audited) and changes nothing.
    await expectEventually(async () => {
      const audit = await fx.call<{ items: Array<{ action: string; detail: { note: string } }> }>(
        'GET',
        `/audit?entityType=batch&entityId=${batch}&action=batch.delegation-recorded`,
        { roles: ['auditor'], sub: 'auditor-sun' },
      );
      expect(audit.body.items.filter((e) => e.detail.note.includes('already held'))).toHaveLength(2);
    });
    expectHidden(await fx.call('GET', `/batches/${batch}/notices`, DELEGATE), 'batch', batch);
    // A notice issued under the delegation still names it when rendered again (the city reads it).
    expect((await pdfText(sampling.id, CITY)).text.replace(/\s+/g, '')).toContain(
      '受杭州市市场监督管理局委托',
    );
  });

  it('refuses a delegation that is not from this bureau to one of its districts', async () => {
    const other = `HZ2026-${String(randomInt(900_000, 949_999))}`;
    await fx.batch(other);
    await fx.emit(
      SamplingDelegated,
      other,
      delegation({
        delegationId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
        batchNumber: other,
        delegate: { areaCode: '330203', name: '宁波市海曙区市场监督管理局' },
      }),
    );
    await expectEventually(async () => {
      const audit = await fx.call<{ items: Array<{ outcome: string }> }>(
        'GET',
        `/audit?entityType=batch&entityId=${other}&action=batch.delegation-recorded`,
        { roles: ['auditor'], sub: 'auditor-sun' },
      );
      expect(audit.body.items.map((e) => e.outcome)).toEqual(['denied']);
    });
    expectHidden(await fx.call('GET', `/batches/${other}/notices`, officer('330203')), 'batch', other);
  });

  it('names who sampled in the final result: the district, on the city bureau’s delegation', async () => {
    await fx.deliverAll(batch);
    await fx.windowsRunOut();
    const [final] = await expectEventually(async () => {
      const published = await fx.published<ResultFinalValue>(ResultFinal, batch);
      expect(published).toHaveLength(1);
      return published;
    });
    expect(final.delegation).toEqual({
      delegate: { areaCode: '330102', name: '杭州市上城区市场监督管理局' },
      delegator: { areaCode: '330100', name: '杭州市市场监督管理局' },
      reference: '杭市监委〔2026〕88号',
    });
  });
});
