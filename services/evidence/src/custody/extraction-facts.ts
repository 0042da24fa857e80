import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * What electronic-evidence rules ask of every extraction besides who and when: from where (the
 * caller's address) and with what tool (the client's user agent, through this service).
 */
export interface ExtractionFacts {
  sourceIp: string | null;
  tool: string;
}

const SERVICE_TOOL = 'qis-evidence/0.1';

export const CurrentExtraction = createParamDecorator(
  (_: unknown, context: ExecutionContext): ExtractionFacts => {
    const req = context.switchToHttp().getRequest<Request>();
    const agent = req.headers['user-agent']?.slice(0, 200) ?? 'unknown client';
    return { sourceIp: req.ip ?? req.socket.remoteAddress ?? null, tool: `${agent} via ${SERVICE_TOOL}` };
  },
);
