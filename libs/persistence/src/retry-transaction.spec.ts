import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError, retryTransaction } from './retry-transaction';

/** A DataSource whose transactions fail with the given errors first, then run the work. */
function flakyDataSource(failures: unknown[]): { dataSource: DataSource; calls: () => number } {
  let calls = 0;
  const dataSource = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, calls: () => calls };
}

const pgError = (code: string) => Object.assign(new Error(code), { driverError: { code } });

describe('retryTransaction', () => {
  it('runs the transaction again after a deadlock or a serialization failure', async () => {
    const { dataSource, calls } = flakyDataSource([pgError('40P01'), pgError('40001')]);
    await expect(retryTransaction(dataSource, async () => 'done')).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('gives up after the last attempt with the database error', async () => {
    const { dataSource, calls } = flakyDataSource([pgError('40P01'), pgError('40P01')]);
    await expect(retryTransaction(dataSource, async () => 'done', 2)).rejects.toThrow('40P01');
    expect(calls()).toBe(2);
  });

  it('never retries other errors: a unique violation or a domain error surfaces at once', async () => {
    const { dataSource, calls } = flakyDataSource([pgError('23505')]);
    await expect(retryTransaction(dataSource, async () => 'done')).rejects.toThrow('23505');
    expect(calls()).toBe(1);
    expect(isRetryableTransactionError(new Error('conflict'))).toBe(false);
  });
});
