import { Writable } from 'node:stream';
import { createTestDatabase, testDataSource } from '@qis/testing';
import pinoHttp, { type Options } from 'pino-http';
import { QueryFailedError, type DataSource } from 'typeorm';
import { loggerParams } from './logging';

/** A value only the failing statement carries: in its parameters and in PostgreSQL's detail. */
const STORED = '浙江省杭州市文一西路 969 号 13800138000';

describe('service logs of a failed query (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('logging');
    ds = testDataSource(db.name);
    await ds.initialize();
    await ds.query('create table recipient (address text primary key)');
    await ds.query('insert into recipient values ($1)', [STORED]);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const failedQuery = async (): Promise<QueryFailedError> => {
    try {
      await ds.query('insert into recipient values ($1)', [STORED]);
    } catch (error) {
      return error as QueryFailedError;
    }
    throw new Error('the insert should have failed');
  };

  it('never hold its parameters or the detail PostgreSQL gives, however the error is logged', async () => {
    const error = await failedQuery();
    expect(error).toBeInstanceOf(QueryFailedError);
    // What TypeORM and pg attach (and pino's err serializer used to write out).
    expect(
      JSON.stringify({ p: error.parameters, d: (error as unknown as { detail: string }).detail }),
    ).toContain('文一西路');

    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const { logger } = pinoHttp(loggerParams('planning', 'info').pinoHttp as Options, stream);
    logger.error({ err: error, errorId: 'e1', requestId: 'r1' }, 'unhandled error'); // as HttpErrorFilter
    logger.error({ err: new Error('the import failed', { cause: error }) }, 'wrapped');
    logger.error({ err: Object.assign(new Error('a batch failed'), { errors: [error] }) }, 'aggregated');

    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('文一西路');
      expect(line).not.toContain('13800138000');
    }
    const first = JSON.parse(lines[0]) as { err: Record<string, unknown> };
    // What an operator needs stays: the kind of failure, the constraint, the SQL text, the stack.
    expect(first.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      constraint: 'recipient_pkey',
      table: 'recipient',
      query: 'insert into recipient values ($1)',
      message: expect.stringContaining('duplicate key value violates unique constraint'),
      stack: expect.any(String),
    });
    expect(first.err).not.toHaveProperty('parameters');
    expect(first.err).not.toHaveProperty('detail');
    expect(first.err['driverError']).toMatchObject({ code: '23505' });
    expect(first.err['driverError']).not.toHaveProperty('detail');
    // The error itself is left as it was: callers may still read it.
    expect(error.parameters).toEqual([STORED]);
  });
});
