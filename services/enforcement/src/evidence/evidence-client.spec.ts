import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceTokenSource } from '@qis/auth';
import { EvidenceClient, EvidenceUploadError } from './evidence-client';

const tokens = {
  headers: async () => ({ authorization: 'Bearer secret-token' }),
} as unknown as ServiceTokenSource;
const data = Buffer.from('%PDF-1.7 notice');
const sha256 = createHash('sha256').update(data).digest('hex');

/** A stand-in for the evidence service's upload API (start, presigned PUT, finalize). */
describe('EvidenceClient', () => {
  let server: Server;
  let base: string;
  let finalizeAnswer: { status: number; body: object };
  const seen: Array<{ method: string; url: string; authorization?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('latin1')));
      req.on('end', () => {
        seen.push({
          method: req.method as string,
          url: req.url as string,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body,
        });
        const json = (status: number, payload: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (req.url === '/evidence/uploads')
          return json(201, { objectId: 'obj-1', method: 'single', url: `${base}/put/obj-1` });
        if (req.url === '/put/obj-1') return json(200, {});
        return json(finalizeAnswer.status, finalizeAnswer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  const store = () =>
    new EvidenceClient(base, tokens).store({
      kind: 'notice',
      batchNumber: 'HZ2026-000123',
      contentType: 'application/pdf',
      fileName: 'JG2026-000001.pdf',
      data,
    });

  it('announces size and SHA-256 with the service token, PUTs the bytes, and returns what finalize recorded', async () => {
    finalizeAnswer = { status: 200, body: { id: 'obj-1', status: 'stored', sha256 } };
    await expect(store()).resolves.toEqual({ objectId: 'obj-1', sha256 });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /evidence/uploads',
      'PUT /put/obj-1',
      'POST /evidence/uploads/obj-1/finalize',
    ]);
    expect(JSON.parse(seen[0]?.body as string)).toEqual({
      kind: 'notice',
      batchNumber: 'HZ2026-000123',
      contentType: 'application/pdf',
      size: data.length,
      sha256,
      fileName: 'JG2026-000001.pdf',
    });
    expect(seen[0]?.authorization).toBe('Bearer secret-token');
    expect(seen[1]?.authorization).toBeUndefined(); // the presigned URL carries its own signature
    expect(seen[1]?.body).toBe(data.toString('latin1'));
  });

  it('fails naming the step and status when finalize refuses or the hash differs, never the token', async () => {
    finalizeAnswer = { status: 422, body: { message: 'sha256: stored bytes differ' } };
    const refused = (await store().catch((e: Error) => e)) as Error;
    expect(refused).toBeInstanceOf(EvidenceUploadError);
    expect(refused.message).toBe('finalize: evidence service answered 422 (sha256: stored bytes differ)');

    finalizeAnswer = { status: 200, body: { id: 'obj-1', status: 'stored', sha256: '0'.repeat(64) } };
    const differs = (await store().catch((e: Error) => e)) as Error;
    expect(differs.message).toMatch(
      /^finalize: object obj-1 is stored with SHA-256 0{64}, expected [0-9a-f]{64}$/,
    );
    expect(`${refused.message} ${differs.message}`).not.toContain('secret-token');
  });

  it('reports an unreachable evidence service as such', async () => {
    const error = (await new EvidenceClient('http://127.0.0.1:1', tokens)
      .store({
        kind: 'notice',
        batchNumber: 'HZ2026-000123',
        contentType: 'application/pdf',
        fileName: 'x.pdf',
        data,
      })
      .catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^start: evidence service unreachable/);
  });
});
