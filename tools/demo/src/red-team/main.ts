/**
 * The red team against the running stack, after the demo campaign (`npm run red-team`, which runs
 * `bash deploy/local/stack.sh red-team`):
 *
 *   node -r ./tools/runtime/register-paths.js dist/tools/demo/src/red-team/main.js
 *
 * Tries the attacks seen on a running stack (issue 22) on a failed batch the demo routed to a
 * district, and prints each as REFUSED or NOT REFUSED; exits 1 when any was not refused. The
 * custody tail cut needs the evidence database's owner (DB_MIGRATION_USER, as the stack's env
 * gives it) and puts the entry it cut back afterwards.
 *
 * Settings (env): QIS_*_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, QIS_DEV_JWT_KEY,
 * DB_HOST/DB_PORT/DB_MIGRATION_USER/DB_MIGRATION_PASSWORD, QIS_EVIDENCE_DB (default qis_evidence).
 */
import path from 'node:path';
import { PlatformFeed, pkcs8TokenSource, serviceUrlsFromEnv } from '../actors';
import { findVictim, runRedTeam } from './attacks';
import { ownerQuery } from './insider';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../../..');
  const urls = serviceUrlsFromEnv();
  const tokens = pkcs8TokenSource(
    process.env['QIS_DEV_JWT_KEY'] ?? path.join(root, '.infra/keys/dev-jwt.key'),
  );
  const evidenceDb = ownerQuery(process.env['QIS_EVIDENCE_DB'] ?? 'qis_evidence');
  const feed = await PlatformFeed.connect();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const victim = await findVictim({ urls, tokens, evidenceDb, feed });
    out(
      `red team: aiming at batch ${victim.batchNumber} (case routed to ${victim.district}, sold on ${victim.platform})`,
    );
    const verdicts = await runRedTeam({ urls, tokens, evidenceDb, feed, victim }, out);
    const open = verdicts.filter((v) => !v.refused).length;
    out(`red team: ${verdicts.length - open} of ${verdicts.length} attacks refused`);
    if (open > 0) process.exitCode = 1;
  } finally {
    await feed.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `red team: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
