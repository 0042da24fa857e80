import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from './principal';

/** The verified caller of a route with a `@Policy` (set by the global guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only a @Public() route lacks one: asking for it there is a programming error.
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without a @Policy');
  return principal;
});
