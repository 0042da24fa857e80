import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const BATCH_NUMBER = /^[A-Z]{2,8}\d{4}-\d{6}$/;

/** Release a quarantined parcel into a batch: the officer says why (e.g. relayed, re-labelled by the carrier). */
export class ReleaseParcelCommand {
  @ApiProperty({ example: '转运更换面单，核对订单号与商品一致' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    example: 'HZ2026-000123',
    description:
      'the batch it belongs to: required when the parcel matched no order; when it named a batch, must be that one',
  })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number, e.g. HZ2026-000123' })
  batchNumber?: string;
}

/** Reject a quarantined parcel (refused, returned to the carrier): the officer says why. */
export class RejectParcelCommand {
  @ApiProperty({ example: '非本局买样包裹，退回承运人' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}
