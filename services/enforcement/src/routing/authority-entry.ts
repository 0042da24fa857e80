import type { AuthorityKind } from '@qis/contracts';

/** One authority a case may be routed or copied to: its kind, area code, name and contact. */
export class AuthorityEntry {
  kind!: AuthorityKind;
  areaCode!: string;
  name!: string;
  contact?: string;
}
