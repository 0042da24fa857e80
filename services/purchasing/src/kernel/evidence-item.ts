import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

/** The parts of the purchase evidence package (买样证据包); every kind is mandatory. */
export const EVIDENCE_KINDS = [
  'purchase-screen-recording',
  'order-screenshot',
  'chat-screenshot',
  'listing-snapshot',
  'product-claim-photo',
  'payment-proof',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One item of the package: an object uploaded to the evidence service. */
export class EvidenceItem {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn([...EVIDENCE_KINDS])
  kind!: EvidenceKind;

  @ApiProperty({ format: 'uuid', description: 'evidence object id in the evidence service' })
  @IsUUID('all')
  objectId!: string;
}
