import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { isRetryableTransactionError, sqlState } from './retry-transaction';

/** Longest query text a log line carries. */
const QUERY_CHARS = 500;

/**
 * TypeORM's log lines through the service's logger (JSON, with the rest of its logs), never with
 * the query's parameters: they hold what the services store (addresses, report contents, audit
 * details), which does not belong in logs. TypeORM's own logger printed every failed query with its
 * parameters to stderr.
 *
 * A failed query is a warning, not an error: the caller handles it (a unique violation answered
 * 409, a deadlock victim run again by `retryTransaction`), or it becomes a 500 that the exception
 * filter logs as an error with its error id. A deadlock or serialization failure is only a debug
 * line: it is run again.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly logger = new Logger('TypeORM')) {}

  logQuery(): void {
    // Not logged: every statement would be a line.
  }

  /** `_parameters` are left out on purpose (see above). */
  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    const fields = {
      sqlState: sqlState(error) ?? null,
      query: query.length > QUERY_CHARS ? `${query.slice(0, QUERY_CHARS)}…` : query,
    };
    const message = `query failed: ${typeof error === 'string' ? error : error.message}`;
    if (isRetryableTransactionError(error)) this.logger.debug(fields, message);
    else this.logger.warn(fields, message);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, QUERY_CHARS) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
