import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { conflict } from '@qis/domain';
import { Objection, type ObjectionStatus } from './objection.entity';

/**
 * The objection `id`, locked for this transaction, in the status (or one of the statuses) the next
 * step needs: 404 when there is none, 409 naming the status it is in and what it is not
 * (`awaiting`) otherwise.
 */
export async function lockObjection(
  manager: EntityManager,
  id: string,
  expected: ObjectionStatus | readonly ObjectionStatus[],
  awaiting: string,
): Promise<Objection> {
  const objection = await manager.findOne(Objection, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!objection) throw notFound('objection', id);
  const allowed: readonly ObjectionStatus[] = typeof expected === 'string' ? [expected] : expected;
  if (!allowed.includes(objection.status))
    throw conflict(`objection ${id} is ${objection.status}, ${awaiting}`);
  return objection;
}
