export { dataSourceOptions, type PersistenceOptions } from './data-source-options';
export { dropDatabase, ensureDatabase, type PgServer } from './ensure-database';
export { isRetryableTransactionError, retryTransaction } from './retry-transaction';
export { combine, HeldWrites, type Statement } from './held-writes';
export { QueryLogger } from './query-logger';
