import { ArrayMinSize, IsOptional, IsUUID } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCalendarDate,
  IsDocumentCode,
  IsId,
  IsOneOf,
  IsReportNumber,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import {
  INSPECTION_PURPOSES,
  SAMPLE_ROLES,
  type InspectionPurpose,
  type SampleRole,
} from '../../conventions/vocabulary';

/** A sealed sample handed to a lab; the draw (seed and candidates) is recorded so it can be audited. */
export class SampleDispatchedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsOneOf(INSPECTION_PURPOSES)
  purpose!: InspectionPurpose;

  @IsOptional()
  @IsReportNumber()
  @Describe('for a re-inspection: the report it re-examines')
  reinspectionOfReport?: string;

  @IsDocumentCode()
  sampleCode!: string;

  @IsOneOf(SAMPLE_ROLES)
  sampleRole!: SampleRole;

  @IsDocumentCode()
  sealNumber!: string;

  @IsId()
  labId!: string;

  @IsText()
  labName!: string;

  @IsText(64)
  @Describe('seed of the random draw (随机送检)')
  drawSeed!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  @Describe('labs that were eligible for the draw')
  candidateLabIds!: string[];

  @IsUtcTimestamp()
  dispatchedAt!: string;

  @IsCalendarDate()
  @Describe("due date from the lab's contracted turnaround (working days)")
  dueOn!: string;
}
