import { notFound, type Principal } from '@qis/auth';
import { BadRequestError, ErrorCode } from '@qis/domain';
import type { EvidenceObject } from '../objects/evidence-object.entity';
import { readAccess, type ReadAccess } from './evidence-policy';

/**
 * What the caller may do with this object: throws 404 (as for an unknown id) when the kind is not
 * theirs to read, 400 naming `purpose` when it shows the buyer and no purpose was stated.
 * A download needs more than being the uploader.
 */
export function authorizeRead(
  principal: Pick<Principal, 'sub' | 'roles' | 'jurisdiction'>,
  object: EvidenceObject,
  batchAreas: readonly string[],
  purpose: string | undefined,
  download: boolean,
): Exclude<ReadAccess, 'none'> {
  const access = readAccess(principal, object, batchAreas);
  if (access === 'none' || (download && access === 'own')) throw notFound('evidence object', object.id);
  if (access === 'read-with-purpose' && !purpose?.trim()) {
    const reason = `is required to read a ${object.kind}: it shows the buyer, and each read is audited with its purpose`;
    throw new BadRequestError(ErrorCode.purposeRequired, `purpose ${reason}`, {
      errors: [{ field: 'purpose', reasons: [reason] }],
    });
  }
  return access;
}
