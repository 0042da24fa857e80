import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from './deadline.entity';

/** Writes to the due table, always inside the caller's transaction. */
@Injectable()
export class DeadlineBook {
  /** Schedules a deadline once per kind and subject (a repeat keeps the first due date). */
  async schedule(
    manager: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
    batchNumber: string,
    dueAt: Date,
  ): Promise<void> {
    await manager.query(
      `insert into deadline (id, kind, subject_id, batch_number, due_at) values ($1, $2, $3, $4, $5)
       on conflict (kind, subject_id) do nothing`,
      [randomUUID(), kind, subjectId, batchNumber, dueAt],
    );
  }

  /** Sets (or moves) a deadline and re-arms it: for checks that run again when a period grows. */
  async reschedule(
    manager: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
    batchNumber: string,
    dueAt: Date,
  ): Promise<void> {
    await manager.query(
      `insert into deadline (id, kind, subject_id, batch_number, due_at) values ($1, $2, $3, $4, $5)
       on conflict (kind, subject_id) do update set due_at = excluded.due_at, handled_at = null, outcome = null
       where deadline.due_at <> excluded.due_at or deadline.handled_at is not null`,
      [randomUUID(), kind, subjectId, batchNumber, dueAt],
    );
  }

  /** Withdraws a deadline not met yet: the period it ended no longer runs (a re-inspection lab redrawn). */
  async withdraw(manager: EntityManager, kind: DeadlineKind, subjectId: string): Promise<void> {
    await manager.query(`delete from deadline where kind = $1 and subject_id = $2 and met_at is null`, [
      kind,
      subjectId,
    ]);
  }

  /** Marks a deadline met (a late one stays breached: its alert is not withdrawn). */
  async meet(manager: EntityManager, kind: DeadlineKind, subjectId: string, at: Date): Promise<void> {
    await manager.query(
      `update deadline set met_at = $3 where kind = $1 and subject_id = $2 and met_at is null`,
      [kind, subjectId, at],
    );
  }
}
