import type { QueryRunner } from 'typeorm';

/** Creates `count` hash partitions of `table`, named `<table>_p00`, `<table>_p01`, … */
export async function createHashPartitions(q: QueryRunner, table: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await q.query(
      `create table ${table}_p${String(i).padStart(2, '0')} partition of ${table}
       for values with (modulus ${count}, remainder ${i})`,
    );
  }
}
