export { dataSourceOptions, withoutStatementTimeout, type PersistenceOptions } from './data-source-options';
export { sessionOptions } from './session-settings';
export { dropDatabase, ensureDatabase, type PgServer } from './ensure-database';
export { isRetryableTransactionError, retryTransaction } from './retry-transaction';
export { combine, HeldWrites, type Statement } from './held-writes';
export { QueryLogger } from './query-logger';
export { migrateAsOwner } from './migrate-as-owner';
export { MAX_PREPARED_STATEMENTS, PreparingClient } from './preparing-client';
