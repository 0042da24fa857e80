import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AssignmentOutcome = 'active' | 'refused' | 'timed-out' | 'withdrawn' | 'completed';

/** Each time a batch was given to a buyer, with the account and address it exposes to the seller. */
@Entity({ name: 'assignment' })
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'seller_key', type: 'text' })
  sellerKey!: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'address_id', type: 'uuid' })
  addressId!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  outcome!: AssignmentOutcome;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
