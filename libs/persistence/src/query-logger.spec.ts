import type { Logger } from '@nestjs/common';
import { QueryLogger } from './query-logger';

describe('QueryLogger', () => {
  const lines: Array<{ level: string; args: unknown[] }> = [];
  const sink = {
    debug: (...args: unknown[]) => lines.push({ level: 'debug', args }),
    warn: (...args: unknown[]) => lines.push({ level: 'warn', args }),
    log: (...args: unknown[]) => lines.push({ level: 'log', args }),
  } as unknown as Logger;
  const logger = new QueryLogger(sink);
  beforeEach(() => (lines.length = 0));

  const pgError = (code: string, message: string) =>
    Object.assign(new Error(message), {
      driverError: { code, detail: 'Key (address)=(浙江省杭州市文一西路 1 号) exists' },
    });

  it('logs a failed query as a warning with its SQLSTATE and text, never its parameters or the detail', () => {
    logger.logQueryError(
      pgError('23505', 'duplicate key value violates unique constraint "x"'),
      'insert into a values ($1)',
      ['浙江省杭州市文一西路 1 号'],
    );
    expect(lines).toEqual([
      {
        level: 'warn',
        args: [
          { sqlState: '23505', query: 'insert into a values ($1)' },
          'query failed: duplicate key value violates unique constraint "x"',
        ],
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('文一西路');
  });

  it('logs a deadlock victim, which is run again, at debug level only', () => {
    logger.logQueryError(pgError('40P01', 'deadlock detected'), 'update b set c = $1', ['x']);
    expect(lines.map((l) => l.level)).toEqual(['debug']);
  });

  it('cuts long queries', () => {
    logger.logQueryError('boom', `select ${'x, '.repeat(400)}1`);
    const fields = lines[0]?.args[0] as { query: string; sqlState: null };
    expect(fields.query).toHaveLength(501);
    expect(fields.sqlState).toBeNull();
  });
});
