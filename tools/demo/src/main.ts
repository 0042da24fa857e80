/**
 * The demo campaign on the running stack (`npm start` runs it once the six services are ready):
 *
 *   node -r ./tools/runtime/register-paths.js dist/tools/demo/src/main.js
 *
 * Seeds ~2,000 listings over the ten focus categories from ten platforms, four labs and twelve
 * buyers, then simulated actors (planner and approver, buyers, intake officers, labs, officers,
 * sellers who object) drive every batch through the services' HTTP APIs and Kafka topics. Progress
 * is printed while it runs; a summary table and the public page's URL at the end.
 *
 * Settings (env): DEMO_BATCHES_PER_CATEGORY (default 6), DEMO_CONCURRENCY (8), DEMO_SEED (random),
 * DEMO_LISTINGS (2000), QIS_*_URL to point at other service addresses, KAFKA_BROKERS,
 * QIS_DEV_JWT_KEY (default .infra/keys/dev-jwt.key).
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { KeycloakAdmin, linkDemoLabs } from '@qis/console-stack';
import { createActors, EventWatcher, pkcs8TokenSource, serviceUrlsFromEnv } from './actors';
import { Campaign, CAMPAIGN_TOPICS } from './campaign/campaign';
import { progressLine, summary } from './campaign/report';
import { buildWorld, OWN_SITE } from './campaign/world';

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return n;
};

/**
 * The console's demo lab users work for labs this run registered: their labId in Keycloak (when
 * the stack's Keycloak is known: KEYCLOAK_URL, its admin, QIS_KEYCLOAK_REALM).
 */
async function linkLabUsers(
  labs: ReadonlyArray<{ id: string; name: string }>,
  out: (line: string) => void,
): Promise<void> {
  const { KEYCLOAK_URL: url, KEYCLOAK_ADMIN_USER: username, KEYCLOAK_ADMIN_PASSWORD: password } = process.env;
  const realm = process.env['QIS_KEYCLOAK_REALM'];
  const credentials = process.env['QIS_CREDENTIALS_FILE'];
  const usersFile =
    process.env['QIS_CONSOLE_USERS_FILE'] ??
    (credentials ? path.join(path.dirname(credentials), 'console-users.json') : undefined);
  if (!url || !username || !password || !realm || !usersFile) {
    out('console lab users: Keycloak not configured, not linked to the registered labs');
    return;
  }
  const linked = await linkDemoLabs(new KeycloakAdmin({ url, username, password }), realm, usersFile, labs);
  out(
    `console lab users linked: ${Object.entries(linked)
      .map(([u, id]) => `${u} → ${id}`)
      .join(', ')}`,
  );
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../..');
  const seed = process.env['DEMO_SEED'] ? envInt('DEMO_SEED', 1) : randomInt(1, 2 ** 31);
  const perCategory = envInt('DEMO_BATCHES_PER_CATEGORY', 6);
  const concurrency = envInt('DEMO_CONCURRENCY', 8);
  const urls = serviceUrlsFromEnv();
  const tokens = pkcs8TokenSource(
    process.env['QIS_DEV_JWT_KEY'] ?? path.join(root, '.infra/keys/dev-jwt.key'),
  );
  const actors = createActors(urls, tokens);
  const world = buildWorld(seed, { sellers: 320, listings: envInt('DEMO_LISTINGS', 2_000) });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `demo campaign (seed ${seed}): ${world.listings.length} listings from ${world.sellers.length} sellers ` +
      `(${world.sellers.filter((s) => !s.platform).length} selling on their own site), 10 platforms, 10 categories`,
  );
  const watcher = await EventWatcher.start({
    topics: CAMPAIGN_TOPICS,
    prefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
  });
  const campaign = new Campaign({ actors, watcher, world, seed, log: out });
  try {
    await campaign.setUp();
    await linkLabUsers(campaign.registeredLabs, out);
    const risky = world.listings.filter((l, i) => i % 23 === 0 || (l.platform === OWN_SITE && i % 3 === 0));
    const issued = await campaign.plan(perCategory, risky);
    const all = () => [...campaign.outcomes.values()];
    const ticker = setInterval(() => out(progressLine(all(), issued.length)), 3_000);
    try {
      await campaign.run(issued, (batch) => campaign.randomScript(batch.category), concurrency);
    } finally {
      clearInterval(ticker);
    }
    out(progressLine(all(), issued.length));
    out(summary(all(), `${urls.disclosure}/`));
    if (all().some((o) => o.error)) process.exitCode = 1;
  } finally {
    await watcher.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
