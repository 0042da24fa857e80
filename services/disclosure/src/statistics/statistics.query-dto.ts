import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ResultFilterQuery } from '../dimensions/result-filter.query';

export const STATISTICS_DIMENSIONS = [
  'category',
  'platform',
  'province',
  'city',
  'district',
  'month',
  'quarter',
  'year',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A breakdown of the statistics: one row per value of `by`, over the results the filters keep. */
export class StatisticsQuery extends PickType(ResultFilterQuery, [
  'category',
  'platform',
  'region',
  'period',
]) {
  @ApiProperty({
    enum: STATISTICS_DIMENSIONS,
    description: 'month, quarter and year give the trend over time',
  })
  @IsIn([...STATISTICS_DIMENSIONS])
  by!: StatisticsDimension;

  @ApiPropertyOptional({ description: 'first month (YYYY-MM), inclusive' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'last month (YYYY-MM), inclusive' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;
}
