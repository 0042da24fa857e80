import { randomBytes } from 'node:crypto';

// Runs before each test file is loaded: topics of this file get their own prefix, so test files
// share the broker without seeing each other's events (decorators read it at import time).
process.env['KAFKA_TOPIC_PREFIX'] = `t${randomBytes(4).toString('hex')}.`;
