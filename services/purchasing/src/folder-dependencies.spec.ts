import {
  controllersWithDatabaseAccess,
  folderCycles,
  folderOf,
  importsLeaving,
  isTestFile,
  relativeImports,
  showImports,
  testSupportLeaks,
} from '@qis/testing';

// Keeps purchasing's folders untangled (issue 23): they import each other in one direction only
// (buyers and purchases → assignment → kernel); kernel/ holds what several features read (the
// purchase task with the purchase record and evidence items it stores, the buyer and the shopping
// account) and imports nothing else; identity/ (the cipher and blind index) imports no feature, only
// the config. Files at the root of src/ are the composition root; testing/ is test support that no
// production file imports. The graph is read by @qis/testing's folder-dependencies.

const KERNEL = 'kernel';
const IDENTITY = 'identity';
const TESTING = 'testing';
const CONFIG = new Set(['purchasing.config.ts']);

describe('purchasing folder dependencies', () => {
  const imports = relativeImports(__dirname);
  const production = imports.filter(({ from }) => !isTestFile(from));

  it('reads the imports of every folder', () => {
    const folders = new Set(imports.map(({ from }) => folderOf(from)));
    for (const folder of [KERNEL, IDENTITY, 'assignment', 'buyers', 'purchases', 'addresses'])
      expect(folders).toContain(folder);
  });

  it('has no two folders that import each other, directly or round a cycle', () => {
    expect(folderCycles(imports, [TESTING])).toEqual([]);
  });

  it('keeps kernel/ free of feature imports', () => {
    expect(showImports(importsLeaving(imports, KERNEL))).toEqual([]);
  });

  it('keeps identity/ free of feature imports', () => {
    expect(showImports(importsLeaving(production, IDENTITY, CONFIG))).toEqual([]);
  });

  it('keeps test support out of production code', () => {
    expect(showImports(testSupportLeaks(imports, TESTING))).toEqual([]);
  });

  it('keeps the database out of the controllers (reads go through *.queries.ts)', () => {
    expect(showImports(controllersWithDatabaseAccess(__dirname))).toEqual([]);
  });
});
