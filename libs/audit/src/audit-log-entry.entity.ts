import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audited action: who did what to which record, when, in which request, and how it ended. Append-only. */
@Entity({ name: 'audit_log' })
export class AuditLogEntry {
  /** Numbered in insertion order; pg hands bigints over as strings. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false })
  occurredAt!: Date;

  /** The token's `sub`, or `system` for work no caller asked for. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text' })
  outcome!: 'success' | 'failure' | 'denied';

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;
}
