import type { NoticeChannel, NoticeRecipient } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NoticeKind = 'sampling' | 'result' | 'reinspection-result';

/** One notice (抽检通知书 / 抽检结果通知书) to one recipient, with its text and delivery record. */
@Entity({ name: 'notice' })
export class Notice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  kind!: NoticeKind;

  @Column({ type: 'text' })
  recipient!: NoticeRecipient;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text' })
  channel!: NoticeChannel;

  @Column({ name: 'notice_number', type: 'text' })
  noticeNumber!: string;

  @Column({ name: 'report_number', type: 'text', nullable: true })
  reportNumber!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
