import type { ServiceConfig } from '@qis/config';

/**
 * What every session of a service sets at connection start (libpq `options`): UTC, and the two
 * limits that keep a stuck statement or a transaction left open (a request that died between
 * statements, a slow outside call) from holding locks and connections for ever.
 */
export function sessionOptions(
  config: Pick<ServiceConfig, 'DB_STATEMENT_TIMEOUT_MS' | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'>,
): string {
  return [
    '-c timezone=UTC',
    `-c statement_timeout=${config.DB_STATEMENT_TIMEOUT_MS}`,
    `-c idle_in_transaction_session_timeout=${config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
  ].join(' ');
}
