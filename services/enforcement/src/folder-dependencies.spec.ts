import {
  controllersWithDatabaseAccess,
  folderCycles,
  folderOf,
  importsLeaving,
  relativeImports,
  showImports,
  testSupportLeaks,
} from '@qis/testing';

// Keeps enforcement untangled (issue 23): its folders import each other in one direction only,
// kernel/ imports no feature, and the process manager (process/) sits above the features. Files at
// the root of src/ (the module, the config, the service-wide tests) are the composition root, not a
// folder of the graph; testing/ is test support that no production file imports. The graph is read
// by @qis/testing's folder-dependencies.

const KERNEL = 'kernel';
const PROCESS = 'process';
const TESTING = 'testing';
/** What kernel/ may import beside itself: the service's validated config (for the clock). */
const KERNEL_MAY_IMPORT = new Set(['enforcement.config.ts']);

describe('enforcement folder dependencies', () => {
  const imports = relativeImports(__dirname);

  it('reads the imports of every folder', () => {
    const folders = new Set(imports.map(({ from }) => folderOf(from)));
    for (const folder of [KERNEL, PROCESS, 'notices', 'objections', 'cases', 'finality'])
      expect(folders).toContain(folder);
  });

  it('has no two folders that import each other, directly or round a cycle', () => {
    expect(folderCycles(imports, [TESTING])).toEqual([]);
  });

  it('keeps kernel/ free of feature imports', () => {
    expect(showImports(importsLeaving(imports, KERNEL, KERNEL_MAY_IMPORT))).toEqual([]);
  });

  it('lets no feature import the process manager', () => {
    const upward = imports.filter(
      ({ from, to }) => folderOf(to) === PROCESS && folderOf(from) !== PROCESS && folderOf(from) !== null,
    );
    expect(showImports(upward)).toEqual([]);
  });

  it('keeps test support out of production code', () => {
    expect(showImports(testSupportLeaks(imports, TESTING))).toEqual([]);
  });

  it('keeps the database out of the controllers (reads go through *.queries.ts)', () => {
    expect(showImports(controllersWithDatabaseAccess(__dirname))).toEqual([]);
  });
});
