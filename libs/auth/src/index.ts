export { allows, queryScope, scopeWhere, type QueryScope } from './access-decision';
export { AuthGuard } from './auth.guard';
export { CurrentPrincipal } from './current-principal.decorator';
export { InvalidTokenError } from './invalid-token.error';
export {
  isJurisdictionCode,
  jurisdictionCovers,
  jurisdictionLevel,
  jurisdictionPrefix,
  jurisdictionWhere,
  type JurisdictionLevel,
} from './jurisdiction';
export { findInScopeOrNotFound, notFound } from './not-found';
export {
  isPublicPolicy,
  Policy,
  POLICY_KEY,
  Public,
  type PublicPolicy,
  type RolePolicy,
  type RoutePolicy,
} from './policy.decorator';
export { SCOPE_CLAIM, SCOPE_ROLE, type AuthenticatedRequest, type Principal, type Scope } from './principal';
export { isRole, ROLES, type Role } from './roles';
export { assertEveryRouteHasPolicy, listRoutes, type RouteInfo } from './route-policies';
export { ServiceTokenSource, type ServiceTokenSettings } from './service-token';
export { TokenVerifier, type AuthSettings } from './token-verifier';
export { UnpolicedRoutesError } from './unpoliced-routes.error';
