import { randomBytes } from 'node:crypto';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

/**
 * Test topics are named `t-<pid>-<run>.<file>.<topic>`: the jest run's process id (base 36) and a
 * random run id, then a random id per test file. The run deletes its own topics when it ends and
 * sweeps those of runs whose process is gone, so the broker does not collect partitions (each one
 * holds open files) across runs, and concurrent runs never delete each other's topics.
 */
const RUN_TOPIC = /^t-([0-9a-z]+)-[0-9a-f]+\./;
/** The earlier per-file scheme (`t<8 hex>.`), from before topics carried their run. */
const LEGACY_TEST_TOPIC = /^t[0-9a-f]{8}\./;

export const newTestRunPrefix = (): string =>
  `t-${process.pid.toString(36)}-${randomBytes(3).toString('hex')}.`;

export const newTestFilePrefix = (runPrefix: string): string =>
  `${runPrefix}${randomBytes(4).toString('hex')}.`;

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether a topic belongs to a test run that is over (its process is gone) or to the legacy scheme. */
export const isAbandonedTestTopic = (topic: string, alive = processAlive): boolean => {
  if (LEGACY_TEST_TOPIC.test(topic)) return true;
  const run = RUN_TOPIC.exec(topic);
  return run !== null && !alive(parseInt(run[1], 36));
};

/** Deletes every topic that `select` picks, as the harness's principal; returns how many. */
export async function deleteTopics(
  select: (topic: string) => boolean,
  connection: Pick<KafkaConfig, 'brokers' | 'sasl' | 'ssl'> = kafkaConnection(),
): Promise<number> {
  const admin = new Kafka({ ...connection, clientId: 'qis-test-topics', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(select);
    // The broker takes deletions in modest requests; one huge request times out.
    for (let i = 0; i < topics.length; i += 200)
      await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 60_000 });
    return topics.length;
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the topics that start with `prefix` (a bench's or a test's own). */
export const deleteTopicsWithPrefix = (prefix: string): Promise<number> =>
  deleteTopics((topic) => topic.startsWith(prefix));
