import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceKind } from './evidence-kind';

const bigintAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One stored file of evidence: where it lives in the bucket, what it is, and what it hashed to. */
@Entity({ name: 'evidence_object' })
export class EvidenceObject {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'object_key', type: 'text' })
  objectKey!: string;

  @Column({ type: 'text' })
  kind!: EvidenceKind;

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber!: string | null;

  @Column({ type: 'text' })
  uploader!: string;

  @Column({ name: 'declared_sha256', type: 'char', length: 64 })
  declaredSha256!: string;

  @Column({ name: 'declared_size', type: 'bigint', transformer: bigintAsNumber })
  declaredSize!: number;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text' })
  status!: 'pending' | 'stored' | 'rejected' | 'deleted';

  @Column({ type: 'text', nullable: true })
  rejection!: string | null;

  @Column({ name: 'upload_id', type: 'text', nullable: true })
  uploadId!: string | null;

  @Column({ name: 'part_size', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  partSize!: number | null;

  /** Multipart: URLs are handed out per part the uploader declared (size, SHA-256), none unbound. */
  @Column({ name: 'parts_declared', type: 'boolean', default: false })
  partsDeclared!: boolean;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  size!: number | null;

  @Column({ name: 'version_id', type: 'text', nullable: true })
  versionId!: string | null;

  @Column({ name: 'retain_until', type: 'timestamptz', nullable: true })
  retainUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'stored_at', type: 'timestamptz', nullable: true })
  storedAt!: Date | null;

  /** When the store removed the version, after its retention ended. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
