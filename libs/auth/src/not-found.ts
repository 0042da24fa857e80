import { notFound } from '@qis/domain';
import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

/** The one 404 for an id (`@qis/domain`'s, `not_found`): the same whether the record is missing or outside the caller's scope. */
export { notFound };

/**
 * Loads one record by `where` within `scope` (from `scopeWhere`), or answers exactly as for a
 * missing id, so nobody learns that a foreign record exists.
 */
export async function findInScopeOrNotFound<T extends ObjectLiteral>(
  repository: Pick<Repository<T>, 'findOneBy'>,
  query: { where: FindOptionsWhere<T>; scope: FindOptionsWhere<T> | null; entity: string; id: string },
): Promise<T> {
  if (query.scope === null) throw notFound(query.entity, query.id);
  const found = await repository.findOneBy({ ...query.where, ...query.scope });
  if (!found) throw notFound(query.entity, query.id);
  return found;
}
