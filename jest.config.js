// One jest run for the whole workspace: a project per service, lib and tool (with a project.json), unit tests (*.spec.ts)
// and integration tests (*.int-spec.ts, *.e2e-spec.ts) on the real servers found by
// libs/testing's global setup.
const fs = require('node:fs');
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@qis/([a-z-]+)$': path.join(__dirname, 'libs/$1/src') },
  setupFiles: [path.join(__dirname, 'libs/testing/src/setup-file.ts')],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

const projects = ['services', 'libs', 'tools', 'apps', '.'].flatMap((group) =>
  fs
    .readdirSync(path.join(__dirname, group), { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() &&
        d.name !== 'node_modules' &&
        fs.existsSync(path.join(__dirname, group, d.name, 'project.json')),
    )
    .map((d) => ({ ...shared, displayName: d.name, rootDir: path.join(__dirname, group, d.name) })),
);

module.exports = {
  transform: { '^.+\\.ts$': swc },
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  // A service a test file boots in-process and leaves running keeps the run from ending, and CI
  // would time out with every test green: every result is reported first, then jest exits. (The one
  // seen — a purchasing scheduler ticking after its suite — was a test booting a second service
  // over the first; run a file with --forceExit=false to check it leaves nothing behind.)
  forceExit: true,
  projects,
};
