import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SCOPE_ROLE, type Scope } from './principal';
import type { Role } from './roles';

export const POLICY_KEY = 'qis:policy';

/** Who may call a route: anyone, or holders of one of `roles` (narrowed by `scope`). */
export type RoutePolicy = PublicPolicy | RolePolicy;

export interface PublicPolicy {
  public: true;
}

export interface RolePolicy {
  roles: readonly Role[];
  /** Narrows the scope's role (lab, platform, enforcement-officer) to principals carrying its claim. */
  scope?: Scope;
}

export const isPublicPolicy = (policy: RoutePolicy): policy is PublicPolicy => 'public' in policy;

/**
 * Declares who may call a route (on a handler, or on a controller for all its handlers). Every
 * route must have one: a service with an undeclared route refuses to start.
 */
export function Policy(policy: RolePolicy): MethodDecorator & ClassDecorator {
  if (policy.roles.length === 0) throw new Error('@Policy needs at least one role (or use @Public())');
  if (policy.scope && !policy.roles.includes(SCOPE_ROLE[policy.scope])) {
    // A scope only narrows its own role; without that role it would mean nothing.
    throw new Error(`@Policy scope '${policy.scope}' needs the role '${SCOPE_ROLE[policy.scope]}'`);
  }
  const frozen: RolePolicy = Object.freeze({ roles: Object.freeze([...policy.roles]), scope: policy.scope });
  return applyDecorators(
    SetMetadata(POLICY_KEY, frozen),
    ApiBearerAuth(),
    ApiExtension('x-qis-policy', { roles: frozen.roles, scope: frozen.scope ?? null }),
    ApiUnauthorizedResponse({ description: 'missing, invalid or expired bearer token' }),
    ApiForbiddenResponse({ description: `needs one of the roles: ${frozen.roles.join(', ')}` }),
  );
}

/** Anonymous access: health, public disclosure pages, published results, open data. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(POLICY_KEY, Object.freeze({ public: true })),
    ApiExtension('x-qis-policy', { public: true }),
  );
}
