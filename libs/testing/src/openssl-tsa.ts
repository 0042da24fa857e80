import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OpensslTsa {
  /** POST an RFC 3161 TimeStampReq (application/timestamp-query) here. */
  url: string;
  /** The TSA's root certificate (PEM), which issued its signing certificate: the trust anchor a verifier configures. */
  certFile: string;
  certPem: string;
  stop(): Promise<void>;
}

/**
 * A real RFC 3161 time-stamping authority: Debian's `openssl ts -reply` behind HTTP, with a root
 * certificate and a signing certificate it issued (extended key usage timeStamping, critical) made
 * in `dir` (kept if they exist, so a local stack keeps its TSA identity across restarts). Requests are answered one
 * at a time (openssl keeps the serial number in a file).
 */
export async function startOpensslTsa(
  options: { dir?: string; port?: number; host?: string } = {},
): Promise<OpensslTsa> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'qis-tsa-'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const caFile = file('ca.crt');
  const certFile = file('tsa.crt');
  try {
    readFileSync(certFile);
  } catch {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      file('ca.key'),
      '-out',
      caFile,
      '-days',
      '3650',
      '-subj',
      '/CN=QIS local time-stamping root',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    await run('openssl', [
      'req',
      ...ec,
      '-keyout',
      file('tsa.key'),
      '-out',
      file('tsa.csr'),
      '-subj',
      '/CN=QIS local time-stamping authority',
    ]);
    writeFileSync(
      file('tsa.ext'),
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
    );
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      file('tsa.csr'),
      '-CA',
      caFile,
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '3650',
      '-extfile',
      file('tsa.ext'),
      '-out',
      certFile,
    ]);
    writeFileSync(file('serial'), '01\n');
  }
  writeFileSync(
    file('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = qis_tsa',
      '[ qis_tsa ]',
      `serial = ${file('serial')}`,
      'crypto_device = builtin',
      `signer_cert = ${certFile}`,
      `signer_key = ${file('tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.3161.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );

  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;
  const reply = async (query: Buffer): Promise<Buffer> => {
    const n = ++count;
    const q = file(`q${n}.tsq`);
    const r = file(`r${n}.tsr`);
    writeFileSync(q, query);
    try {
      await run('openssl', ['ts', '-reply', '-config', file('tsa.cnf'), '-queryfile', q, '-out', r]);
      return readFileSync(r);
    } finally {
      rmSync(q, { force: true });
      rmSync(r, { force: true });
    }
  };

  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(415, { 'content-type': 'text/plain' }).end('POST an application/timestamp-query\n');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = queue.then(() => reply(Buffer.concat(chunks)));
      queue = answer.catch(() => undefined);
      answer.then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
        (error: Error) => res.writeHead(400, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
      );
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    certFile: caFile,
    certPem: readFileSync(caFile, 'utf8'),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
