import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A platform registered for a feed: its topics, ACLs and SCRAM user exist on the broker. */
@Entity({ name: 'feed_platform' })
export class FeedPlatform {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The SASL/SCRAM user name; the password is handed out once and never stored here. */
  @Column({ name: 'kafka_user', type: 'text' })
  kafkaUser!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'credential_issued_at', type: 'timestamptz' })
  credentialIssuedAt!: Date;

  /** Feed items written to its topic (through the outbox) since registration. */
  @Column({ name: 'items_written', type: 'int', default: 0 })
  itemsWritten!: number;

  @Column({ name: 'last_item_at', type: 'timestamptz', nullable: true })
  lastItemAt!: Date | null;
}
