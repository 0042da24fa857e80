import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORY_CODE,
  EXTERNAL_ID,
  HasCreditCodeCheckCharacter,
  IsOmittable,
  PLATFORM_CODE,
} from '@qis/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDay, PLAUSIBLE_UTC_TIMESTAMP } from '../shared/plausible-time.decorator';
import { SIGNAL_KINDS, type SignalKind } from './signal-kinds';

/** A risk signal recorded by a planner; `source` + `externalId` make it unique (recording twice changes nothing). */
export class RecordSignalCommand {
  @ApiProperty({ enum: SIGNAL_KINDS })
  @IsIn([...SIGNAL_KINDS])
  kind!: SignalKind;

  @ApiProperty({
    example: 'zj-12315',
    description: 'who reported it: a platform, 12315, an authority, a media monitor',
  })
  @Matches(PLATFORM_CODE, { message: 'source must be a lower-case code, e.g. zj-12315' })
  source!: string;

  @ApiProperty({ example: 'N2026-0042' })
  @Matches(EXTERNAL_ID)
  externalId!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(PLATFORM_CODE)
  platform?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(EXTERNAL_ID)
  listingId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  // The contracts' rule without its schema pattern: the released 1.0.0 request documents none, and
  // the contract gate counts an added pattern as breaking (IsCreditCode at the next major version).
  @HasCreditCodeCheckCharacter()
  sellerCreditCode?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  sellerName?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(CATEGORY_CODE)
  category?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  brand?: string;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  summary!: string;

  @ApiProperty({ example: '2026-02-11T03:15:00Z' })
  @Matches(PLAUSIBLE_UTC_TIMESTAMP, {
    message: 'receivedAt must be a UTC time (e.g. 2026-02-11T03:15:00Z) in the years 2000 to 2100',
  })
  @IsCalendarDay()
  receivedAt!: string;
}
