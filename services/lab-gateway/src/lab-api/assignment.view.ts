import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_PURPOSES, SAMPLE_ROLES } from '@qis/contracts';
import { ASSIGNMENT_STATUSES } from '../dispatch/assignment-status';
import type { AssignmentViewSource } from '../dispatch/assignment-row';
import { ProgressEntryView } from './progress-entry.view';

/** An assignment as its lab sees it: the sample, the deadline, the state; never the draw's other labs. */
export class AssignmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ enum: INSPECTION_PURPOSES })
  purpose!: string;

  @ApiPropertyOptional({ description: 'for a re-inspection: the report it re-examines' })
  reinspectionOfReport?: string;

  @ApiProperty({ example: 'silk-quilt' })
  category!: string;

  @ApiProperty({ example: '桑蚕丝被' })
  sampleName!: string;

  @ApiProperty({ example: 'HZ2026-000123-S' })
  sampleCode!: string;

  @ApiProperty({ enum: SAMPLE_ROLES })
  sampleRole!: string;

  @ApiProperty({ example: 'FY2026-004561' })
  sealNumber!: string;

  @ApiPropertyOptional({ example: 'GB/T 24252-2019' })
  productStandard?: string;

  @ApiProperty({ format: 'date-time' })
  dispatchedAt!: string;

  @ApiProperty({ description: 'report due by this day (Asia/Shanghai)', example: '2026-03-19' })
  dueOn!: string;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status!: string;

  @ApiPropertyOptional()
  declineReason?: string;

  @ApiProperty({ type: [ProgressEntryView] })
  progress!: ProgressEntryView[];

  @ApiProperty({ description: 'the due date has passed without a report' })
  overdue!: boolean;

  static of(a: AssignmentViewSource, today: string): AssignmentView {
    return {
      id: a.id,
      batchNumber: a.batchNumber,
      purpose: a.purpose,
      ...(a.reinspectionOfReport ? { reinspectionOfReport: a.reinspectionOfReport } : {}),
      category: a.category,
      sampleName: a.sampleName,
      sampleCode: a.sampleCode,
      sampleRole: a.sampleRole,
      sealNumber: a.sealNumber,
      ...(a.productStandard ? { productStandard: a.productStandard } : {}),
      dispatchedAt: a.dispatchedAt.toISOString(),
      dueOn: a.dueOn,
      status: a.status,
      ...(a.declineReason ? { declineReason: a.declineReason } : {}),
      progress: a.progress,
      overdue: a.dueOn < today && ['dispatched', 'accepted', 'in-progress'].includes(a.status),
    };
  }
}
