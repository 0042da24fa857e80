// Unit tests only (*.spec.ts): no Kafka, PostgreSQL or MinIO needed, so no global set-up that looks
// for them. `npm run test:unit`; the whole suite on the real servers stays `npm test`.
const base = require('./jest.config');

module.exports = {
  transform: base.transform,
  testTimeout: 30_000,
  projects: base.projects.map((project) => ({
    ...project,
    testMatch: ['<rootDir>/**/*.spec.ts'],
  })),
};
