import { ApiProperty } from '@nestjs/swagger';
import { AssignmentView } from '../lab-api/assignment.view';
import type { Assignment } from './assignment.entity';
import { drawLab } from './lab-draw';

/** An assignment with its draw, for the bureau and auditors: the draw can be redone from the record. */
export class DispatchRecordView extends AssignmentView {
  @ApiProperty({ format: 'uuid' })
  labId!: string;

  @ApiProperty()
  labName!: string;

  @ApiProperty({ description: 'seed of the random draw' })
  drawSeed!: string;

  @ApiProperty({ description: 'labs eligible for the draw, sorted', type: [String] })
  candidateLabIds!: string[];

  @ApiProperty({ description: 'labs kept out (original lab, labs that declined)', type: [String] })
  excludedLabIds!: string[];

  @ApiProperty({ description: 'the lab the recorded seed and candidates give when the draw is redone' })
  redrawnLabId!: string;

  @ApiProperty({ description: 'the due date was counted Monday to Friday (no holiday schedule yet)' })
  dueOnProvisional!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'the entrustment contract whose turnaround set the due date (null before contracts were kept)',
  })
  contractId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'HZSJ-WT-2026-003' })
  contractNumber!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the version of the contract in force at the draw',
  })
  contractVersion!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'working days from the dispatch day to the due date, as the contract agreed for the category',
  })
  turnaroundWorkingDays!: number | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  overdueAlertedAt!: string | null;

  static record(a: Assignment, today: string): DispatchRecordView {
    return {
      ...AssignmentView.of(a, today),
      labId: a.labId,
      labName: a.labName,
      drawSeed: a.drawSeed,
      candidateLabIds: a.candidateLabIds,
      excludedLabIds: a.excludedLabIds,
      redrawnLabId: drawLab(a.drawSeed, a.batchNumber, a.candidateLabIds),
      dueOnProvisional: a.dueOnProvisional,
      contractId: a.contractId,
      contractNumber: a.contractNumber,
      contractVersion: a.contractVersion,
      turnaroundWorkingDays: a.turnaroundWorkingDays,
      overdueAlertedAt: a.overdueAlertedAt?.toISOString() ?? null,
    };
  }
}
