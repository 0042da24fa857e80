import { readFileSync } from 'node:fs';
import { AUTHORITY_KINDS, type AuthorityKind } from '@qis/contracts';
import type { AuthorityEntry } from './authority-entry';
import { defaultAuthorityDirectory } from './default-authority-directory';

/** The directory as configured: the sampling bureau's own area and the authorities it routes to. */
export interface AuthorityDirectoryData {
  /** GB/T 2260 code of the city whose bureau samples (谁抽检): districts of it get district cases. */
  homeAreaCode: string;
  /** The sampling bureau's own name, on the letters it issues; default `<city>市场监督管理局`. */
  issuerName?: string;
  authorities: AuthorityEntry[];
}

const AREA = /^[1-9]\d{5}$/;

/**
 * Authorities by kind and area code (code → bureau, contact). Configurable data: the default is
 * Hangzhou's; `AUTHORITY_DIRECTORY_FILE` points at a JSON file of the same shape.
 */
export class AuthorityDirectory {
  private readonly entries = new Map<string, AuthorityEntry>();

  constructor(readonly data: AuthorityDirectoryData) {
    const problems: string[] = [];
    if (!AREA.test(data.homeAreaCode) || !data.homeAreaCode.endsWith('00')) {
      problems.push(`homeAreaCode ${JSON.stringify(data.homeAreaCode)} is not a city-level GB/T 2260 code`);
    }
    data.authorities.forEach((a, i) => {
      if (!AUTHORITY_KINDS.includes(a.kind))
        problems.push(`authorities[${i}].kind ${JSON.stringify(a.kind)} is unknown`);
      if (!AREA.test(a.areaCode))
        problems.push(`authorities[${i}].areaCode ${JSON.stringify(a.areaCode)} is not a GB/T 2260 code`);
      if (typeof a.name !== 'string' || a.name.length === 0) problems.push(`authorities[${i}].name is empty`);
      this.entries.set(`${a.kind}:${a.areaCode}`, a);
    });
    if (problems.length > 0) throw new Error(`authority directory: ${problems.join('; ')}`);
  }

  static load(file: string | undefined): AuthorityDirectory {
    if (!file) return new AuthorityDirectory(defaultAuthorityDirectory);
    return new AuthorityDirectory(JSON.parse(readFileSync(file, 'utf8')) as AuthorityDirectoryData);
  }

  get homeAreaCode(): string {
    return this.data.homeAreaCode;
  }

  find(kind: AuthorityKind, areaCode: string): AuthorityEntry | undefined {
    return this.entries.get(`${kind}:${areaCode}`);
  }
}
