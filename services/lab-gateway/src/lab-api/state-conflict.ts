import { ConflictException } from '@nestjs/common';

/** The assignment is not in a state that allows the action. */
export const stateConflict = (message: string): ConflictException =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message });
