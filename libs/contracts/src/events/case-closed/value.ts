import { ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { Describe, IsBatchNumber, IsFen, IsId, IsText, IsUtcTimestamp } from '../../conventions/decorators';
import { CASE_OUTCOMES, type CaseOutcome } from '../../conventions/vocabulary';

/** A case closed with its outcomes and fed back to the bureau that sampled. */
export class CaseClosedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  caseId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn([...CASE_OUTCOMES], { each: true })
  outcomes!: CaseOutcome[];

  @IsOptional()
  @IsFen()
  @Describe('fine imposed, when the outcome includes a penalty')
  penaltyFen?: number;

  @IsOptional()
  @IsText(2000)
  summary?: string;

  @IsUtcTimestamp()
  closedAt!: string;
}
