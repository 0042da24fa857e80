// One jest run for the whole workspace: a project per service, lib and tool (with a project.json), unit tests (*.spec.ts)
// and integration tests (*.int-spec.ts, *.e2e-spec.ts) on the real servers found by
// libs/testing's global setup.
const fs = require('node:fs');
const os = require('node:os');
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
    .map((d) => {
      const rootDir = path.join(__dirname, group, d.name);
      // The Nx project's name (`--selectProjects <name>` in its targets): tools/runtime is not libs/runtime.
      const { name } = JSON.parse(fs.readFileSync(path.join(rootDir, 'project.json'), 'utf8'));
      return { ...shared, displayName: name, rootDir };
    }),
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
  // Each test file runs in a worker that is replaced once it holds more than this after a file.
  // Without it, jest runs a 2-core machine's tests in its own process (one worker = in band), and
  // what booted services leave behind adds up over 200 files: CI's run of 8662445 ended with the
  // heap exhausted after 82 minutes (exit 134).
  workerIdleMemoryLimit: '1GB',
  // Two test files at a time even on 2 cores: most of a file's time is spent waiting on the
  // servers (a consumer group's join, a browser's page, a clock's deadline), not computing; eight
  // int-specs took 37 s with two workers where one took 58 s. Files isolate their state (own
  // databases, topics, buckets, realms, ports), so they may overlap.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  projects,
};
