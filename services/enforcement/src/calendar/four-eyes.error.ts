import { ConflictError, ErrorCode } from '@qis/domain';

/**
 * The four-eyes rule of the holiday schedule: the admin who loaded a schedule may not approve or
 * return it; a second admin decides (409, `rule: 'four-eyes'`).
 */
export class FourEyesError extends ConflictError {
  constructor(actor: string, year: number, scheduleId: string) {
    const message =
      `four-eyes rule: ${actor} submitted the ${year} holiday schedule ${scheduleId}; ` +
      `a second admin must review it and approve or return it`;
    super(ErrorCode.fourEyes, message, { rule: 'four-eyes' });
  }
}
