import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { ASSIGNMENT_COLUMNS, assignmentOfRow } from '../dispatch/assignment-row';
import type { Assignment } from '../dispatch/assignment.entity';

/**
 * The lab's own assignment, locked for the change (`lock: false` for a read); another lab's is
 * answered like a missing one.
 */
export async function loadOwnAssignment(
  manager: EntityManager,
  labId: string | null,
  id: string,
  { lock = true }: { lock?: boolean } = {},
): Promise<Assignment> {
  if (labId === null) throw notFound('assignment', id);
  const rows = (await manager.query(
    `select ${ASSIGNMENT_COLUMNS} from assignment where id = $1 and lab_id = $2${lock ? ' for update' : ''}`,
    [id, labId],
  )) as Array<Record<string, unknown>>;
  if (rows.length === 0) throw notFound('assignment', id);
  return assignmentOfRow(rows[0]);
}
