import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Gapless batch numbers per bureau and year: a counter row locked `for update` in the issuing
 * transaction, so numbers are taken in commit order and a rolled-back issuance gives its numbers back.
 */
@Injectable()
export class BatchNumberCounter {
  async reserve(manager: EntityManager, prefix: string, year: number, count: number): Promise<number> {
    await manager.query(
      'insert into batch_number_counter (prefix, year, last_value) values ($1, $2, 0) on conflict do nothing',
      [prefix, year],
    );
    const rows = (await manager.query(
      'select last_value from batch_number_counter where prefix = $1 and year = $2 for update',
      [prefix, year],
    )) as Array<{ last_value: number }>;
    const first = rows[0].last_value + 1;
    await manager.query('update batch_number_counter set last_value = $3 where prefix = $1 and year = $2', [
      prefix,
      year,
      rows[0].last_value + count,
    ]);
    return first;
  }
}
