import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';

/** The lab's own assignment, locked for the change; another lab's is answered like a missing one. */
export async function loadOwnAssignment(
  manager: EntityManager,
  labId: string | null,
  id: string,
): Promise<Assignment> {
  if (labId === null) throw notFound('assignment', id);
  const found = await manager.findOne(Assignment, {
    where: { id, labId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!found) throw notFound('assignment', id);
  return found;
}
