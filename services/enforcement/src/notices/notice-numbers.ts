import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@qis/domain';

/** `JG2026-000456` (结果), `CJ2026-000123` (抽检) or `FJ2026-000789` (复检机构确定): a year and a number from one sequence. */
export async function nextNoticeNumber(
  manager: EntityManager,
  prefix: 'JG' | 'CJ' | 'FJ',
  now: Date,
): Promise<string> {
  const rows = (await manager.query(`select nextval('notice_number_seq') as n`)) as Array<{ n: string }>;
  const n = (rows[0] as { n: string }).n;
  return `${prefix}${shanghaiDate(now).slice(0, 4)}-${n.padStart(6, '0')}`;
}
