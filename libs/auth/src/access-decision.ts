import type { FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { jurisdictionWhere } from './jurisdiction';
import { SCOPE_CLAIM, SCOPE_ROLE, type Principal, type Scope } from './principal';
import type { RolePolicy } from './policy.decorator';
import type { Role } from './roles';

/**
 * The roles by which `principal` may call a route of `policy`. The scope's role counts only when
 * the principal carries the scope's claim (a lab token without `labId` is not a lab).
 */
function grantingRoles(policy: RolePolicy, principal: Principal): Role[] {
  return principal.roles.filter(
    (role) =>
      policy.roles.includes(role) &&
      !(policy.scope && role === SCOPE_ROLE[policy.scope] && !principal[SCOPE_CLAIM[policy.scope]]),
  );
}

export const allows = (policy: RolePolicy, principal: Principal): boolean =>
  grantingRoles(policy, principal).length > 0;

/** What part of the data a principal may see along one scope. */
export type QueryScope =
  | { kind: 'all' }
  | { kind: 'own'; scope: Scope; value: string }
  /** Nothing: the principal holds neither an unrestricted role nor the scope's role with its claim. */
  | { kind: 'none' };

/**
 * Turns a principal into a query constraint: holders of one of `unrestricted` see everything; the
 * scope's role sees only its own lab, platform or jurisdiction; anyone else nothing.
 */
export function queryScope(principal: Principal, scope: Scope, unrestricted: readonly Role[]): QueryScope {
  if (principal.roles.some((role) => unrestricted.includes(role))) return { kind: 'all' };
  const value = principal[SCOPE_CLAIM[scope]];
  if (principal.roles.includes(SCOPE_ROLE[scope]) && value) return { kind: 'own', scope, value };
  return { kind: 'none' };
}

/**
 * A TypeORM `where` fragment for `column` under a query scope; `null` when nothing is in scope
 * (callers answer an empty list or 404). Jurisdictions match by GB/T 2260 prefix.
 */
export function scopeWhere<T extends ObjectLiteral>(
  scope: QueryScope,
  column: keyof T & string,
): FindOptionsWhere<T> | null {
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') return {};
  const value = scope.scope === 'jurisdiction' ? jurisdictionWhere(scope.value) : scope.value;
  return { [column]: value } as FindOptionsWhere<T>;
}
