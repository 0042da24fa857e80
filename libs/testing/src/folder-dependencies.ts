import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The import graph of a service's folders, for the unit tests that keep them untangled (issue 23):
// enforcement's and purchasing's folder-dependencies.spec. Hand-written: eslint-plugin-import
// (no-cycle) is not installed and works per file, not per folder.

/** One relative import (or re-export), both ends relative to the service's src/. */
export interface FolderImport {
  /** The importing file. */
  from: string;
  /** The imported file. */
  to: string;
}

/** A test or test fixture file, which may use test support. */
export const isTestFile = (file: string): boolean => /\.((int-|e2e-)?spec|fixture)\.ts$/.test(file);

/** Top-level folder of a file relative to src/, or null for a file at the root (the composition root). */
export const folderOf = (file: string): string | null => (file.includes('/') ? file.split('/')[0] : null);

/** `from -> to`, the line a failure shows. */
export const showImports = (found: readonly FolderImport[]): string[] =>
  found.map(({ from, to }) => `${from} -> ${to}`);

function sourceFiles(src: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(src, full);
    return entry.name.endsWith('.ts') ? [path.relative(src, full).split(path.sep).join('/')] : [];
  });
}

/** Every import (and re-export) specifier of every file below `src`, read by the TypeScript compiler. */
function specifiers(src: string): { from: string; fileName: string }[] {
  return sourceFiles(src, src).flatMap((from) =>
    ts
      .preProcessFile(readFileSync(path.join(src, from), 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => ({ from, fileName })),
  );
}

/** The relative imports (and re-exports) of every file below `src`. */
export function relativeImports(src: string): FolderImport[] {
  return specifiers(src)
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ from, fileName }) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName));
      const folder = existsSync(path.join(src, target, 'index.ts'));
      return { from, to: folder ? `${target}/index.ts` : `${target}.ts` };
    });
}

/** The controllers below `src` that import TypeORM: their reads belong in a `*.queries.ts`. */
export function controllersWithDatabaseAccess(src: string): FolderImport[] {
  return specifiers(src)
    .filter(
      ({ from, fileName }) =>
        from.endsWith('.controller.ts') && /^(typeorm|@nestjs\/typeorm)$/.test(fileName),
    )
    .map(({ from, fileName }) => ({ from, to: fileName }));
}

/**
 * The folder cycles: each strongly connected group of two or more folders (Tarjan), with the
 * imports that tie it, so a failure names the lines to change. Folders in `outside` (test support)
 * are no part of the graph.
 */
export function folderCycles(imports: readonly FolderImport[], outside: readonly string[] = []): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!a || !b || a === b || outside.includes(a) || outside.includes(b)) continue;
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
    showImports(
      imports.filter(({ from, to }) => {
        const a = folderOf(from);
        const b = folderOf(to);
        return a !== b && group.includes(a as string) && group.includes(b as string);
      }),
    ),
  );
}

/** The imports from `folder` to any folder but itself and the files it may use (`mayImport`). */
export function importsLeaving(
  imports: readonly FolderImport[],
  folder: string,
  mayImport: ReadonlySet<string> = new Set(),
): FolderImport[] {
  return imports.filter(
    ({ from, to }) => folderOf(from) === folder && folderOf(to) !== folder && !mayImport.has(to),
  );
}

/** The production files (not tests, not the support folder itself) that import test support. */
export function testSupportLeaks(imports: readonly FolderImport[], testing: string): FolderImport[] {
  return imports.filter(
    ({ from, to }) => !isTestFile(from) && folderOf(from) !== testing && folderOf(to) === testing,
  );
}
