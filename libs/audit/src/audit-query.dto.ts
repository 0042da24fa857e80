import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';

/** `plan.approve`, or `plan.*` for every action under `plan.`. */
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?$/;

/** `to` must not be before `from`. */
const NotBeforeFrom = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (value: unknown, args) => {
        const from = (args?.object as AuditQuery).from;
        return !from || typeof value !== 'string' || Date.parse(value) >= Date.parse(from);
      },
      defaultMessage: () => 'to must not be before from',
    },
  });

/** Filters of `GET /audit`; all optional, combined with AND. */
export class AuditQuery {
  @ApiPropertyOptional({ example: 'ops-probe' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'entityType must be a lower-case kebab-case name' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  entityId?: string;

  @ApiPropertyOptional({
    example: 'plan.approve',
    description: 'an action, or every action under a prefix: `plan.*`',
  })
  @IsOptional()
  @Matches(ACTION, { message: 'action must be an action such as plan.approve, or a prefix such as plan.*' })
  action?: string;

  @ApiPropertyOptional({
    example: 'HZ2026-000123',
    description:
      "entries about this batch: the batch's own record (entity id) or any naming it in its detail",
  })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number such as HZ2026-000123' })
  batchNumber?: string;

  @ApiPropertyOptional({ description: "the actor's `sub`" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
