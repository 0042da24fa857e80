import type { Admin } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  /** Per-topic overrides, e.g. `{ 'retention.ms': '-1' }`. */
  configEntries?: Record<string, string>;
}

/**
 * Creates the topics that do not exist yet and returns the names it created. Idempotent: several
 * services may provision the same list at once.
 */
export async function provisionTopics(
  admin: Admin,
  topics: readonly string[],
  settings: TopicSettings,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return [];
  await admin
    .createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: Object.entries(settings.configEntries ?? {}).map(([name, value]) => ({ name, value })),
      })),
    })
    .catch((error: Error & { type?: string; errors?: Array<{ type?: string }> }) => {
      // Another service won the race: every failure is TOPIC_ALREADY_EXISTS.
      const all = error.errors ?? [error];
      if (!all.every((e) => e.type === 'TOPIC_ALREADY_EXISTS')) throw error;
    });
  return missing;
}
