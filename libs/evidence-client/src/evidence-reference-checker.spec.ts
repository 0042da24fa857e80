import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PurchasingConfig } from '../purchasing.config';
import { EvidenceVerifier } from './evidence-verifier';

// A stand-in for the evidence service's metadata endpoint: only the HTTP contract is under test here.
const objects: Record<string, { kind: string; status: string; batchNumber: string | null }> = {
  '00000000-0000-4000-8000-000000000001': {
    kind: 'order-screenshot',
    status: 'stored',
    batchNumber: 'HZ2026-000001',
  },
  '00000000-0000-4000-8000-000000000002': {
    kind: 'chat-screenshot',
    status: 'pending',
    batchNumber: 'HZ2026-000001',
  },
  '00000000-0000-4000-8000-000000000003': {
    kind: 'listing-snapshot',
    status: 'stored',
    batchNumber: 'HZ2026-000999',
  },
};

describe('EvidenceVerifier', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      const id = (req.url ?? '').split('/').pop() ?? '';
      const found = objects[id];
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id, ...found } : { statusCode: 404 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verifier = (evidenceUrl?: string) =>
    new EvidenceVerifier(Object.assign(new PurchasingConfig(), { EVIDENCE_URL: evidenceUrl }));

  it("names each item that is missing, not finalized, of another kind or another batch, forwarding the buyer's token", async () => {
    const problems = await verifier(url).problems(
      'HZ2026-000001',
      [
        { kind: 'order-screenshot', objectId: '00000000-0000-4000-8000-000000000001' },
        { kind: 'chat-screenshot', objectId: '00000000-0000-4000-8000-000000000002' },
        { kind: 'product-claim-photo', objectId: '00000000-0000-4000-8000-000000000003' },
        { kind: 'purchase-screen-recording', objectId: '00000000-0000-4000-8000-000000000004' },
      ],
      'Bearer buyer-token',
    );
    expect(problems).toEqual([
      {
        field: 'evidence[1]',
        reasons: ['evidence object 00000000-0000-4000-8000-000000000002 is not finalized (pending)'],
      },
      {
        field: 'evidence[2]',
        reasons: [
          'evidence object 00000000-0000-4000-8000-000000000003 is a listing-snapshot, not a product-claim-photo',
          'evidence object 00000000-0000-4000-8000-000000000003 belongs to batch HZ2026-000999, not HZ2026-000001',
        ],
      },
      { field: 'evidence[3]', reasons: ['evidence object 00000000-0000-4000-8000-000000000004 not found'] },
    ]);
    expect(new Set(seen)).toEqual(new Set(['Bearer buyer-token']));
  });

  it('answers 503 rather than accept unverified evidence when the evidence service is unreachable', async () => {
    await expect(
      verifier('http://127.0.0.1:1').problems(
        'HZ2026-000001',
        [{ kind: 'order-screenshot', objectId: '00000000-0000-4000-8000-000000000001' }],
        'Bearer x',
      ),
    ).rejects.toMatchObject({ status: 503 });
  });

  it('checks nothing when EVIDENCE_URL is not set', async () => {
    expect(
      await verifier(undefined).problems('HZ2026-000001', [{ kind: 'order-screenshot', objectId: 'x' }], ''),
    ).toEqual([]);
  });
});
