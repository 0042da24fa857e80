import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { BATCH_NUMBER } from '@qis/contracts';
import { ListAssignmentsQuery } from '../lab-api/list-assignments.query';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListDispatchesQuery extends ListAssignmentsQuery {
  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER)
  batchNumber?: string;

  @ApiPropertyOptional({ description: 'only assignments an overdue alert was raised for' })
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
