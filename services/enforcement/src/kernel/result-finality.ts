import type { EntityManager } from 'typeorm';

/**
 * The check that makes a batch's result final, implemented by finality/ (`FinalizeResultUseCase`).
 * Notices and objections change what it depends on (receipts, decisions, waivers) and call it
 * through this token, so they do not import finality, which reads their records.
 */
export abstract class ResultFinality {
  /** Publishes `result-final` when the result can no longer change; returns whether it did. */
  abstract execute(
    manager: EntityManager,
    batchNumber: string,
    now: Date,
    causationId?: string,
  ): Promise<boolean>;

  /** Schedules the objection-window check when its end is known; returns whether it is. */
  abstract armWindow(manager: EntityManager, batchNumber: string): Promise<boolean>;
}
