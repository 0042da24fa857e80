import type { AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { conflict } from '@qis/domain';
import { FourEyesError } from './four-eyes.error';
import { HolidaySchedule } from './holiday-schedule.entity';

/**
 * The submission of `year` a second admin decides on, locked: 404 when there is none with that id
 * for the year, 409 when it is no longer awaiting approval or when the caller submitted it.
 */
export async function lockSubmittedSchedule(
  manager: EntityManager,
  actor: AuditActor,
  year: number,
  scheduleId: string,
): Promise<HolidaySchedule> {
  const schedule = await manager.findOne(HolidaySchedule, {
    where: { id: scheduleId, year },
    lock: { mode: 'pessimistic_write' },
  });
  if (!schedule) throw notFound(`holiday schedule of ${year}`, scheduleId);
  if (schedule.status !== 'submitted')
    throw conflict(
      `the ${year} holiday schedule ${scheduleId} is ${schedule.status}` +
        `${schedule.decidedBy ? ` (by ${schedule.decidedBy})` : ''}, not awaiting approval`,
    );
  if (schedule.submittedBy === actor.actor) throw new FourEyesError(actor.actor, year, scheduleId);
  return schedule;
}
