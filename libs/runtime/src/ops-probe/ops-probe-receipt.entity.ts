import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A broker probe this service received: proves the path producer → Kafka → this consumer → its database. */
@Entity({ name: 'ops_probe_receipt' })
export class OpsProbeReceipt {
  @PrimaryColumn({ name: 'probe_id', type: 'uuid' })
  probeId!: string;

  @Column({ name: 'from_service', type: 'text' })
  fromService!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
