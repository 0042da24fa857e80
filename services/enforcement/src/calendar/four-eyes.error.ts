import { ConflictException } from '@nestjs/common';

/**
 * The four-eyes rule of the holiday schedule: the admin who loaded a schedule may not approve or
 * return it; a second admin decides (409, `rule: 'four-eyes'`).
 */
export class FourEyesError extends ConflictException {
  constructor(actor: string, year: number, scheduleId: string) {
    const message =
      `four-eyes rule: ${actor} submitted the ${year} holiday schedule ${scheduleId}; ` +
      `a second admin must review it and approve or return it`;
    super({ statusCode: 409, error: 'Conflict', rule: 'four-eyes', message });
    this.message = message;
  }
}
