import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp, { type Options } from 'pino-http';
import { loggerParams, REDACTED_PATHS } from './logging';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
};

describe('service logs', () => {
  it('never contain a bearer token from a request', async () => {
    const { lines, stream } = capture();
    const params = loggerParams('planning', 'info').pinoHttp as Options;
    const log = pinoHttp({ ...params, autoLogging: true }, stream);
    const server: Server = createServer((req, res) => {
      log(req, res);
      req.log.warn({ req, headers: req.headers }, 'refused');
      res.statusCode = 401;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/ops/probes`, { headers: { authorization: `Bearer ${TOKEN}` } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const all = lines.join('');
    expect(all).toContain('/ops/probes');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split('.')[2]);
  });

  it('redacts an authorization header however it is logged', () => {
    const { lines, stream } = capture();
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
    logger.info(
      { req: { headers: { authorization: `Bearer ${TOKEN}` } }, user: { token: TOKEN } },
      'request',
    );
    expect(lines.join('')).not.toContain(TOKEN);
    expect(JSON.parse(lines[0])).toMatchObject({
      req: { headers: { authorization: '[redacted]' } },
      user: { token: '[redacted]' },
    });
  });
});
