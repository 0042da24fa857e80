import { newTestFilePrefix, newTestRunPrefix } from './test-topics';

// Runs before each test file is loaded: topics of this file get their own prefix under the run's
// (set by the global setup), so test files share the broker without seeing each other's events
// (decorators read it at import time), and the run can delete its topics at the end.
process.env['KAFKA_TOPIC_PREFIX'] = newTestFilePrefix(
  process.env['QIS_TEST_RUN_PREFIX'] ?? newTestRunPrefix(),
);
