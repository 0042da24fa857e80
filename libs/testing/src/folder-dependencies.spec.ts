import { folderCycles, importsLeaving, testSupportLeaks } from './folder-dependencies';

describe('folder dependencies', () => {
  it('names the imports of a cycle, round three folders too', () => {
    const cycle = folderCycles([
      { from: 'notices/a.ts', to: 'objections/b.ts' },
      { from: 'objections/b.ts', to: 'finality/c.ts' },
      { from: 'finality/c.ts', to: 'notices/d.ts' },
      { from: 'cases/e.ts', to: 'kernel/f.ts' },
      { from: 'enforcement.module.ts', to: 'cases/e.ts' },
    ]);
    expect(cycle).toEqual([
      [
        'notices/a.ts -> objections/b.ts',
        'objections/b.ts -> finality/c.ts',
        'finality/c.ts -> notices/d.ts',
      ],
    ]);
  });

  it('leaves the test support folder out of the graph', () => {
    expect(
      folderCycles(
        [
          { from: 'notices/a.int-spec.ts', to: 'testing/f.ts' },
          { from: 'testing/f.ts', to: 'notices/b.ts' },
        ],
        ['testing'],
      ),
    ).toEqual([]);
  });

  it('finds the imports that leave a folder, but for the files it may use', () => {
    const imports = [
      { from: 'kernel/a.ts', to: 'kernel/b.ts' },
      { from: 'kernel/a.ts', to: 'service.config.ts' },
      { from: 'kernel/a.ts', to: 'notices/c.ts' },
    ];
    expect(importsLeaving(imports, 'kernel', new Set(['service.config.ts']))).toEqual([
      { from: 'kernel/a.ts', to: 'notices/c.ts' },
    ]);
  });

  it('lets tests, not production code, use test support', () => {
    const imports = [
      { from: 'notices/a.int-spec.ts', to: 'testing/f.ts' },
      { from: 'notices/x.fixture.ts', to: 'testing/f.ts' },
      { from: 'notices/b.ts', to: 'testing/f.ts' },
    ];
    expect(testSupportLeaks(imports, 'testing')).toEqual([{ from: 'notices/b.ts', to: 'testing/f.ts' }]);
  });
});
