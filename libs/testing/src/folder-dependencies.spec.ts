import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  controllersWithDatabaseAccess,
  folderCycles,
  importsLeaving,
  relativeImports,
  testSupportLeaks,
} from './folder-dependencies';

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

  it('reads relative imports and finds the controllers that import TypeORM', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'folder-deps-'));
    try {
      mkdirSync(path.join(src, 'notices'));
      writeFileSync(
        path.join(src, 'notices', 'notices.controller.ts'),
        "import { DataSource } from 'typeorm';\nimport { NoticeQueries } from './notice.queries';\n",
      );
      writeFileSync(
        path.join(src, 'notices', 'notice.queries.ts'),
        "import { Repository } from 'typeorm';\n",
      );
      expect(relativeImports(src)).toEqual([
        { from: 'notices/notices.controller.ts', to: 'notices/notice.queries.ts' },
      ]);
      expect(controllersWithDatabaseAccess(src)).toEqual([
        { from: 'notices/notices.controller.ts', to: 'typeorm' },
      ]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});
