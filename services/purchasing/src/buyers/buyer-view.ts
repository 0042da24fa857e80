import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUYER_STATUSES, type Buyer, type BuyerStatus } from '../kernel/buyer.entity';

/** A buyer without identity: what admin screens list. */
export class BuyerView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  pseudonym!: string;

  @ApiProperty({ enum: BUYER_STATUSES })
  status!: BuyerStatus;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  commitmentSignedOn!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  commitmentEvidenceId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  trainingCompletedOn!: string | null;

  @ApiProperty({ description: 'signed commitment and training on file: may be assigned' })
  qualified!: boolean;

  static of(buyer: Buyer): BuyerView {
    return {
      id: buyer.id,
      pseudonym: buyer.pseudonym,
      status: buyer.status,
      commitmentSignedOn: buyer.commitmentSignedOn,
      commitmentEvidenceId: buyer.commitmentEvidenceId,
      trainingCompletedOn: buyer.trainingCompletedOn,
      qualified: Boolean(buyer.commitmentSignedOn && buyer.commitmentEvidenceId && buyer.trainingCompletedOn),
    };
  }
}
