// Resolves the `@qis/<lib>` aliases of the compiled tree (dist/) at run time.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

tsConfigPaths.register({
  baseUrl: path.resolve(__dirname, '../../dist'),
  paths: { '@qis/*': ['libs/*/src'] },
});
