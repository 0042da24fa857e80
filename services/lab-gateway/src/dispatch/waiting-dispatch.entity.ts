import type { InspectionPurpose } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DispatchSampleCommand } from './dispatch-sample.command';

/** What a waiting sample is drawn with once a lab can take it (the time of the draw aside). */
export type WaitingDraw = Omit<DispatchSampleCommand, 'at'>;

/**
 * A sealed sample no lab could take when it came (none qualified, accredited, in scope, with
 * capacity): kept, alerted once, and drawn again when the registry changes or capacity frees up.
 */
@Entity({ name: 'waiting_dispatch' })
export class WaitingDispatch {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  purpose!: InspectionPurpose;

  @Column({ type: 'jsonb' })
  draw!: WaitingDraw;

  /** Why each lab was left out at the last attempt (lab id → reasons). */
  @Column({ type: 'jsonb' })
  exclusions!: Record<string, string[]>;

  @Column({ name: 'waiting_since', type: 'timestamptz' })
  waitingSince!: Date;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz' })
  lastAttemptAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId!: string | null;
}
