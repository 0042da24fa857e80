import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Services never import each other: they share only libs/, and libs never import services. Tools
// (tools/*, bench/) use libs and other tools.
const projectConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
  { sourceTag: 'scope:planning', onlyDependOnLibsWithTags: ['scope:shared', 'scope:planning'] },
  { sourceTag: 'scope:purchasing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:purchasing'] },
  { sourceTag: 'scope:evidence', onlyDependOnLibsWithTags: ['scope:shared', 'scope:evidence'] },
  { sourceTag: 'scope:lab-gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:lab-gateway'] },
  { sourceTag: 'scope:enforcement', onlyDependOnLibsWithTags: ['scope:shared', 'scope:enforcement'] },
  { sourceTag: 'scope:disclosure', onlyDependOnLibsWithTags: ['scope:shared', 'scope:disclosure'] },
  // The console talks to the services over HTTP only: it imports no project's code.
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: [] },
];

// The libs in layers (tags in their project.json), each using only its own and those below it:
// foundation (contracts, config, documents, lab-client) uses nothing of ours; then core (domain,
// auth, persistence, storage, tracing, evidence-client, console-stack), platform (audit,
// messaging), runtime (a service's boot), and testing above them all. Tests may use lib:testing.
const layers = ['layer:foundation', 'layer:core', 'layer:platform', 'layer:runtime', 'layer:testing'];
const libLayers = (inTests) => {
  const testing = inTests ? ['lib:testing'] : [];
  return [
    { sourceTag: 'lib:contracts', onlyDependOnLibsWithTags: testing },
    { sourceTag: 'layer:foundation', onlyDependOnLibsWithTags: testing },
    ...layers.slice(1).map((layer, i) => ({
      sourceTag: layer,
      onlyDependOnLibsWithTags: [...layers.slice(0, i + 2), ...testing],
    })),
  ];
};
// Two tools reach into another tool by a relative path (tools have no @qis alias): the benchmark runs
// the demo's campaign, the Kubernetes generator writes kafka-acl's plan. Moving those into a lib
// would drop this list (issue 23).
const toolsByPath = ['../tools/demo/src/**', '../kafka-acl/*'];
const moduleBoundaries = (layerConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: toolsByPath,
    depConstraints: [...projectConstraints, ...layerConstraints],
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.infra/**', '.nx/**', 'coverage/**', 'test-artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': moduleBoundaries(libLayers(true)),
    },
  },
  {
    // A promise nobody awaits loses its error. These two rules need the types: one TypeScript program
    // (the root tsconfig.json, which includes every project) for the Node.js sources.
    files: ['**/*.ts'],
    ignores: ['apps/console/**'],
    // The root program, not each project's tsconfig.json: one type-check of the tree instead of 40.
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The same two rules for the console, typed by its own program (browser libs, JSX).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: './apps/console/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // A lib's own code keeps to its layer; only its tests may use the testing lib.
    files: ['libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(libLayers(false)) },
  },
  {
    // The staff console runs in the browser.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['tools/**/*.ts', 'bench/**/*.ts', 'deploy/**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The public page's script modules run in the browser, beside Apache ECharts' global.
    files: ['services/disclosure/src/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, echarts: 'readonly' },
    },
    rules: { 'no-undef': 'error' },
  },
  prettier,
);
