import { ConflictException } from '@nestjs/common';

/**
 * The four-eyes rule of plans: neither the plan's author nor the person who submitted it may
 * approve it; a second person must (409, `rule: 'four-eyes'`).
 */
export class FourEyesError extends ConflictException {
  constructor(actor: string, planId: string, as: 'author' | 'submitter') {
    const message =
      `four-eyes rule: ${actor} is the ${as} of plan ${planId} and may not approve it; ` +
      `a second person must approve it or send it back`;
    super({ statusCode: 409, error: 'Conflict', rule: 'four-eyes', message });
    this.message = message;
  }
}
