import './resolve-libs';
import { deleteTestPrincipals } from './test-principals';
import { deleteTopics, isAbandonedTestTopic } from './test-topics';

/**
 * Deletes this run's Kafka topics and test principals (their ACLs and credentials) and those left
 * by runs that ended without cleaning up (killed, crashed), then stops the containers when the run
 * started any.
 */
export default async function globalTeardown(): Promise<void> {
  const runPrefix = process.env['QIS_TEST_RUN_PREFIX'];
  if (runPrefix && process.env['KAFKA_BROKERS']) {
    const ours = (name: string) => name.startsWith(runPrefix) || isAbandonedTestTopic(name);
    await deleteTopics(ours).catch((error: Error) =>
      process.stderr.write(`could not delete the run's test topics: ${error.message}\n`),
    );
    await deleteTestPrincipals(ours).catch((error: Error) =>
      process.stderr.write(`could not delete the run's test principals: ${error.message}\n`),
    );
  }
  await globalThis.__QIS_CONTAINERS__?.stop();
}
