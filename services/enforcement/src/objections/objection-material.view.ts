import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MATERIAL_ITEMS,
  MATERIAL_STATES,
  type MaterialItem,
  type MaterialRecord,
} from './objection-materials';

/** One item of an objection's materials checklist, as the approver sees it. */
export class ObjectionMaterialView {
  @ApiProperty({ enum: MATERIAL_ITEMS }) item!: MaterialItem;
  @ApiProperty({
    example: '复检申请人的主体资格证明',
    description: 'the item as the operating rules name it',
  })
  label!: string;
  @ApiProperty({
    description: 'whether a re-inspection can be approved without it (agent items only when an agent filed)',
  })
  required!: boolean;
  @ApiProperty({ enum: MATERIAL_STATES }) state!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) receivedAt!: string | null;
  @ApiProperty({ description: 'who recorded the current state' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static of(item: MaterialItem, label: string, required: boolean, r: MaterialRecord): ObjectionMaterialView {
    return {
      item,
      label,
      required,
      state: r.state,
      receivedAt: r.receivedAt ? new Date(r.receivedAt).toISOString() : null,
      recordedBy: r.recordedBy,
      recordedAt: new Date(r.recordedAt).toISOString(),
    };
  }
}
