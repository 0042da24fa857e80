import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { EvidenceObject } from './evidence-object.entity';

/** The object, locked for the rest of the transaction when asked; 404 otherwise. */
export async function loadObject(manager: EntityManager, id: string, lock = false): Promise<EvidenceObject> {
  const found = await manager.findOne(EvidenceObject, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!found) throw notFound('evidence object', id);
  return found;
}
