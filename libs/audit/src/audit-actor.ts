import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '@qis/auth';

/** Who acts, for the audit log: the caller's `sub` and roles, and the request id. */
export interface AuditActor {
  actor: string;
  roles: readonly string[];
  requestId?: string;
}

/** For work no caller asked for (consumers, schedulers). */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ actor: 'system', roles: [] });

/** The audit actor of the current request (a route with a `@Policy`). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): AuditActor => {
  const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new Error('@CurrentActor() used on a route without a @Policy');
  return { actor: req.principal.sub, roles: req.principal.roles, requestId: req.id };
});
