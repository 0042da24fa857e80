import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContractCategoryDto } from './contract-category.dto';
import { lastDayInForce } from './contract-standing';
import type { ContractChange, LabContract } from './lab-contract.entity';

/** One version of an entrustment contract. */
export class ContractView {
  @ApiProperty({ format: 'uuid', description: 'the contract (the same for all its versions)' })
  id!: string;

  @ApiProperty({ description: '1 when recorded, +1 for each amendment or end' })
  version!: number;

  @ApiProperty({ format: 'uuid' })
  labId!: string;

  @ApiProperty()
  contractNumber!: string;

  @ApiProperty({ example: '2026-01-01' })
  validFrom!: string;

  @ApiProperty({ example: '2026-12-31' })
  validTo!: string;

  @ApiPropertyOptional({ description: 'last day in force when ended before its term' })
  endedOn?: string;

  @ApiProperty({ description: 'the last day in force: validTo, or endedOn when earlier' })
  lastDayInForce!: string;

  @ApiProperty()
  turnaroundWorkingDays!: number;

  @ApiProperty({ type: [ContractCategoryDto] })
  categories!: ContractCategoryDto[];

  @ApiPropertyOptional({ description: 'evidence id of the signed contract PDF' })
  documentId?: string;

  @ApiProperty({ enum: ['recorded', 'amended', 'ended'] })
  change!: ContractChange;

  @ApiPropertyOptional({ description: 'why it was amended or ended' })
  reason?: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty()
  recordedBy!: string;

  static of(c: LabContract): ContractView {
    return {
      id: c.id,
      version: c.version,
      labId: c.labId,
      contractNumber: c.contractNumber,
      validFrom: c.validFrom,
      validTo: c.validTo,
      ...(c.endedOn ? { endedOn: c.endedOn } : {}),
      lastDayInForce: lastDayInForce(c),
      turnaroundWorkingDays: c.turnaroundWorkingDays,
      // A category without a turnaround of its own has none in the view (older records hold null).
      categories: c.categories.map(({ turnaroundWorkingDays, ...category }) =>
        turnaroundWorkingDays == null ? category : { ...category, turnaroundWorkingDays },
      ),
      ...(c.documentId ? { documentId: c.documentId } : {}),
      change: c.change,
      ...(c.reason ? { reason: c.reason } : {}),
      recordedAt: c.recordedAt.toISOString(),
      recordedBy: c.recordedBy,
    };
  }
}
