import { startOpensslTsa } from '@qis/testing';

/**
 * The local stack's RFC 3161 time-stamping authority (deploy/local/stack.sh starts it): openssl ts
 * behind HTTP, its root and signing certificates kept in QIS_TSA_DIR so they survive restarts. The
 * evidence service stamps its custody checkpoints here and trusts QIS_TSA_DIR/ca.crt. A deployment
 * points EVIDENCE_TSA_URL at the bureau's or a qualified TSA instead.
 */
async function main(): Promise<void> {
  const dir = process.env['QIS_TSA_DIR'];
  const port = Number(process.env['QIS_TSA_PORT']);
  if (!dir || !port) throw new Error('set QIS_TSA_DIR and QIS_TSA_PORT');
  const tsa = await startOpensslTsa({ dir, port });
  process.stdout.write(`time-stamping authority on ${tsa.url} (trust ${tsa.certFile})\n`);
  const stop = () => void tsa.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`tsa: ${(error as Error).message}\n`);
  process.exit(1);
});
