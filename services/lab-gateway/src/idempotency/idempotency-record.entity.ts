import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The stored answer to a POST, so a retried request gets the same answer and no second effect. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  /** Whose key: a lab id, or the caller's subject for staff routes. */
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 of the route and the canonical body. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode!: number;

  @Column({ type: 'jsonb' })
  response!: object;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
