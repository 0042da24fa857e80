import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LabScope } from './lab-scope';

/** An accredited lab (承检机构) under contract: accreditation, scope, capacity, turnaround. */
@Entity({ name: 'lab' })
export class Lab {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'cma_number', type: 'text' })
  cmaNumber!: string;

  @Column({ name: 'cma_expires_on', type: 'date' })
  cmaExpiresOn!: string;

  @Column({ name: 'cnas_number', type: 'text', nullable: true })
  cnasNumber!: string | null;

  @Column({ name: 'cnas_expires_on', type: 'date', nullable: true })
  cnasExpiresOn!: string | null;

  /** Higher is better; a re-inspection prefers a lab above the original one. */
  @Column({ name: 'qualification_level', type: 'integer' })
  qualificationLevel!: number;

  @Column({ type: 'jsonb' })
  scopes!: LabScope[];

  /** Open assignments the lab takes at once. */
  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'turnaround_working_days', type: 'integer' })
  turnaroundWorkingDays!: number;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** An integrator's test lab: never drawn for a real sample; gets synthetic assignments (LAB_SANDBOX_ENABLED). */
  @Column({ type: 'boolean', default: false })
  sandbox!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
