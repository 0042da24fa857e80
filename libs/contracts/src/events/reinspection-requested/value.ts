import {
  Describe,
  IsBatchNumber,
  IsCategoryCode,
  IsDocumentCode,
  IsId,
  IsOneOf,
  IsReportNumber,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { SAMPLE_ROLES, type SampleRole } from '../../conventions/vocabulary';

/** An approved re-inspection: lab-gateway picks a different lab, evidence re-seals the sample. */
export class ReinspectionRequestedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  objectionId!: string;

  @IsReportNumber()
  originalReportNumber!: string;

  @IsId()
  @Describe('the original lab: never chosen again')
  originalLabId!: string;

  @IsCategoryCode()
  category!: string;

  @IsDocumentCode()
  sampleCode!: string;

  @IsOneOf(SAMPLE_ROLES)
  @Describe('the backup sample, or the test sample when no backup is left')
  sampleRole!: SampleRole;

  @IsDocumentCode()
  @Describe('seal number of the sample to re-seal')
  sealNumber!: string;

  @IsUtcTimestamp()
  approvedAt!: string;

  @IsUtcTimestamp()
  @Describe('applicant and lab must complete procedures by then (7 days), else waived')
  completeBy!: string;
}
