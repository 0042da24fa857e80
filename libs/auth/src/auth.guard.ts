import {
  ForbiddenException,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { allows } from './access-decision';
import { InvalidTokenError } from './invalid-token.error';
import type { AuthenticatedRequest } from './principal';
import { isPublicPolicy, POLICY_KEY, type RoutePolicy } from './policy.decorator';
import { TokenVerifier } from './token-verifier';

const UNAUTHORIZED = { missing: 'missing bearer token', expired: 'token expired', invalid: 'invalid token' };
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The global guard: public routes pass; every other route needs a valid bearer token (401
 * otherwise) whose roles its policy allows (403 otherwise). A route without a policy is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers are not HTTP routes: the broker is the trust boundary there.
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy && isPublicPolicy(policy)) return true;

    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
    let principal;
    try {
      if (!token) throw new InvalidTokenError('missing', 'missing bearer token');
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      // The reason only, never the token.
      this.logger.debug(`refused ${req.method} ${req.path}: ${error.message}`);
      if (error.reason === 'issuer-unavailable') {
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'cannot verify tokens right now',
        });
      }
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: UNAUTHORIZED[error.reason],
      });
    }
    if (!policy || !allows(policy, principal)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'not allowed' });
    }
    req.principal = principal;
    return true;
  }
}
