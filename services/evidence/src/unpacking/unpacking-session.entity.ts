import type { ClaimedProduct } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PresentPerson } from './participant';

/** A joint unpacking on continuous video: who was present, the video, the waybill, the claimed facts. */
@Entity({ name: 'unpacking_session' })
export class UnpackingSession {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'parcel_id', type: 'uuid' })
  parcelId!: string;

  @Column({ type: 'jsonb' })
  participants!: PresentPerson[];

  @Column({ name: 'video_object_id', type: 'uuid' })
  videoObjectId!: string;

  @Column({ name: 'waybill_photo_object_id', type: 'uuid' })
  waybillPhotoObjectId!: string;

  @Column({ name: 'photo_object_ids', type: 'uuid', array: true })
  photoObjectIds!: string[];

  @Column({ type: 'jsonb' })
  claimed!: ClaimedProduct;

  @Column({ type: 'text' })
  status!: 'open' | 'sealed';

  @Column({ name: 'opened_by', type: 'text' })
  openedBy!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}
