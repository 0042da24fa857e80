import type { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL's answers that mean "run the whole transaction again": deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

/** The SQLSTATE of a PostgreSQL error, as pg or TypeORM (driverError) carries it. */
export const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Whether PostgreSQL rolled the transaction back so that it can simply be run again. */
export const isRetryableTransactionError = (error: unknown): boolean => RETRYABLE.has(sqlState(error) ?? '');

/**
 * Runs `work` in a transaction, and again (up to `attempts` times in all, after a short random
 * pause) when PostgreSQL aborted it as a deadlock victim or for a serialization failure: the
 * aborted attempt left nothing behind, so a retry is safe and the caller sees one outcome.
 */
export async function retryTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.floor(Math.random() * 40)));
    }
  }
}
