import { ConflictException } from '@nestjs/common';

/** A workflow step asked of a plan in the wrong state: 409 naming both. */
export const planStateConflict = (
  id: string,
  status: string,
  needed: readonly string[],
  action: string,
): ConflictException =>
  new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `plan ${id} is ${status}; ${action} needs ${needed.join(' or ')}`,
  });
