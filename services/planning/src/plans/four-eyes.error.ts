import { ConflictError, ErrorCode } from '@qis/domain';

/**
 * The four-eyes rule of plans: neither the plan's author nor the person who submitted it may
 * approve it; a second person must (409, `rule: 'four-eyes'`).
 */
export class FourEyesError extends ConflictError {
  constructor(actor: string, planId: string, as: 'author' | 'submitter') {
    const message =
      `four-eyes rule: ${actor} is the ${as} of plan ${planId} and may not approve it; ` +
      `a second person must approve it or send it back`;
    super(ErrorCode.fourEyes, message, { rule: 'four-eyes' });
  }
}
