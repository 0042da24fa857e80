import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PARCEL_STATUSES, type ParcelStatus } from './parcel.entity';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class ListParcelsQuery {
  @ApiPropertyOptional({ enum: PARCEL_STATUSES, description: 'only parcels of this status' })
  @IsOptional()
  @IsIn([...PARCEL_STATUSES])
  status?: ParcelStatus;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'admitted parcels with (true) or without (false) an unpacking session',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unpacked?: 'true' | 'false';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

export class ListExpectedParcelsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 50;
}
