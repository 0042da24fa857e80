import { Equal, Like, type FindOperator } from 'typeorm';

/** A GB/T 2260 administrative area code: six digits, no leading zero. */
const JURISDICTION_CODE = /^[1-9]\d{5}$/;

export type JurisdictionLevel = 'province' | 'city' | 'district';

export const isJurisdictionCode = (code: unknown): code is string =>
  typeof code === 'string' && JURISDICTION_CODE.test(code);

const checked = (code: string): string => {
  if (!isJurisdictionCode(code)) throw new Error(`not a GB/T 2260 code: ${JSON.stringify(code)}`);
  return code;
};

/** `330000` is a province, `330100` a city, `330102` a district (county). */
export function jurisdictionLevel(code: string): JurisdictionLevel {
  checked(code);
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** The leading digits every code under this area shares: `33`, `3301` or `330102`. */
export function jurisdictionPrefix(code: string): string {
  const level = jurisdictionLevel(code);
  return level === 'province' ? code.slice(0, 2) : level === 'city' ? code.slice(0, 4) : code;
}

/**
 * Whether an officer of `principalCode` may see a case routed to `caseCode`: a district sees
 * itself, a city every code under it, a province every code in the province.
 */
export function jurisdictionCovers(principalCode: string, caseCode: string): boolean {
  if (!isJurisdictionCode(caseCode)) return false;
  return checked(caseCode).startsWith(jurisdictionPrefix(principalCode));
}

/** A TypeORM `where` value for a jurisdiction column: the codes `principalCode` covers. */
export function jurisdictionWhere(principalCode: string): FindOperator<string> {
  return jurisdictionLevel(principalCode) === 'district'
    ? Equal(principalCode)
    : Like(`${jurisdictionPrefix(principalCode)}%`);
}
