import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // Services never import each other: they share only libs/, and libs never import services.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:planning', onlyDependOnLibsWithTags: ['scope:shared', 'scope:planning'] },
            { sourceTag: 'scope:purchasing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:purchasing'] },
            { sourceTag: 'scope:evidence', onlyDependOnLibsWithTags: ['scope:shared', 'scope:evidence'] },
            {
              sourceTag: 'scope:lab-gateway',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:lab-gateway'],
            },
            {
              sourceTag: 'scope:enforcement',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:enforcement'],
            },
            { sourceTag: 'scope:disclosure', onlyDependOnLibsWithTags: ['scope:shared', 'scope:disclosure'] },
            // The console talks to the services over HTTP only: it imports no project's code.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    // A promise nobody awaits loses its error. These two rules need the types: one TypeScript program
    // (tsconfig.json, found by the project service) for the Node.js sources.
    files: ['**/*.ts'],
    // TODO(issue 23): the console (its own program, tsconfig in apps/console) has 8 findings to fix first.
    ignores: ['apps/console/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
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
  prettier,
);
