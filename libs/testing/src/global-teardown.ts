import { brokersFromEnv, deleteTopics, isAbandonedTestTopic } from './test-topics';

/**
 * Deletes this run's Kafka topics and those left by runs that ended without cleaning up (killed,
 * crashed), then stops the containers when the run started any.
 */
export default async function globalTeardown(): Promise<void> {
  const runPrefix = process.env['QIS_TEST_RUN_PREFIX'];
  if (runPrefix && process.env['KAFKA_BROKERS']) {
    await deleteTopics(
      brokersFromEnv(),
      (topic) => topic.startsWith(runPrefix) || isAbandonedTestTopic(topic),
    ).catch((error: Error) =>
      process.stderr.write(`could not delete the run's test topics: ${error.message}\n`),
    );
  }
  await globalThis.__QIS_CONTAINERS__?.stop();
}
