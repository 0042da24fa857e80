import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Keeps enforcement untangled (issue 23): its folders import each other in one direction only,
// kernel/ imports no feature, and the process manager (process/) sits above the features. Files at
// the root of src/ (the module, the config, the service-wide tests) are the composition root, not a
// folder of the graph; testing/ is test support that no production file imports.

const SRC = __dirname;
const KERNEL = 'kernel';
const PROCESS = 'process';
const TESTING = 'testing';
/** What kernel/ may import beside itself: the service's validated config (for the clock). */
const KERNEL_MAY_IMPORT = new Set(['enforcement.config.ts']);

interface Import {
  /** The importing file, relative to src/. */
  from: string;
  /** The imported file, relative to src/. */
  to: string;
}

const isTest = (file: string): boolean => /\.((int-|e2e-)?spec|fixture)\.ts$/.test(file);

/** Top-level folder of a file relative to src/, or null for a file at the root. */
const folderOf = (file: string): string | null => (file.includes('/') ? file.split('/')[0] : null);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/** The relative imports (and re-exports) of every file below src/, read by the TypeScript compiler. */
function relativeImports(): Import[] {
  return sourceFiles(SRC).flatMap((from) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(SRC, from), 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName));
        const folder = existsSync(path.join(SRC, target, 'index.ts'));
        return { from, to: folder ? `${target}/index.ts` : `${target}.ts` };
      });
  });
}

/**
 * The folder cycles: each strongly connected group of two or more folders (Tarjan), with the
 * imports that tie it, so a failure names the lines to change.
 */
function folderCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!a || !b || a === b || a === TESTING || b === TESTING) continue;
    edges.set(a, (edges.get(a) ?? new Set()).add(b));
    if (!edges.has(b)) edges.set(b, new Set());
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) =>
    imports
      .filter(({ from, to }) => {
        const a = folderOf(from);
        const b = folderOf(to);
        return a !== b && group.includes(a as string) && group.includes(b as string);
      })
      .map(({ from, to }) => `${from} -> ${to}`),
  );
}

describe('enforcement folder dependencies', () => {
  const imports = relativeImports();
  const show = (found: Import[]): string[] => found.map(({ from, to }) => `${from} -> ${to}`);

  it('reads the imports of every folder', () => {
    const folders = new Set(imports.map(({ from }) => folderOf(from)));
    for (const folder of [KERNEL, PROCESS, 'notices', 'objections', 'cases', 'finality'])
      expect(folders).toContain(folder);
  });

  it('has no two folders that import each other, directly or round a cycle', () => {
    expect(folderCycles(imports)).toEqual([]);
  });

  it('keeps kernel/ free of feature imports', () => {
    const outside = imports.filter(
      ({ from, to }) => folderOf(from) === KERNEL && folderOf(to) !== KERNEL && !KERNEL_MAY_IMPORT.has(to),
    );
    expect(show(outside)).toEqual([]);
  });

  it('lets no feature import the process manager', () => {
    const upward = imports.filter(
      ({ from, to }) => folderOf(to) === PROCESS && folderOf(from) !== PROCESS && folderOf(from) !== null,
    );
    expect(show(upward)).toEqual([]);
  });

  it('keeps test support out of production code', () => {
    const leaked = imports.filter(
      ({ from, to }) => !isTest(from) && folderOf(from) !== TESTING && folderOf(to) === TESTING,
    );
    expect(show(leaked)).toEqual([]);
  });

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
});
