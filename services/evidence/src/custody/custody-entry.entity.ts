import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the custody chain. Rows are never changed: the table refuses UPDATE and DELETE. */
@Entity({ name: 'custody_entry' })
export class CustodyEntry {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  seq!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber!: string | null;

  @Column({ name: 'object_sha256', type: 'char', length: 64, nullable: true })
  objectSha256!: string | null;

  @Column({ name: 'object_version_id', type: 'text', nullable: true })
  objectVersionId!: string | null;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'source_ip', type: 'text', nullable: true })
  sourceIp!: string | null;

  @Column({ type: 'text' })
  tool!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
