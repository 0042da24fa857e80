import type { Request } from 'express';
import type { Role } from './roles';

/** Who is calling, as proven by a verified token. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** The lab (承检机构) a lab user works for. */
  labId?: string;
  /** The e-commerce platform a platform user acts for. */
  platformId?: string;
  /** GB/T 2260 code of an enforcement officer's area: district, city (…00) or province (…0000). */
  jurisdiction?: string;
}

/** A scope narrows a role to its own part of the data. */
export type Scope = 'lab' | 'platform' | 'jurisdiction';

/** The claim that carries each scope. */
export const SCOPE_CLAIM = {
  lab: 'labId',
  platform: 'platformId',
  jurisdiction: 'jurisdiction',
} as const satisfies Record<Scope, keyof Principal>;

/** The role each scope binds: only this role is narrowed by it; other roles of a policy see everything. */
export const SCOPE_ROLE = {
  lab: 'lab',
  platform: 'platform',
  jurisdiction: 'enforcement-officer',
} as const satisfies Record<Scope, Role>;

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string };
