import { IsOptional, ValidateIf } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsCreditCode,
  IsId,
  IsOneOf,
  IsReportNumber,
  IsText,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import { APPLICANT_ROLES, type ApplicantRole } from '../../conventions/vocabulary';

/** A written objection (书面复检申请) filed within 15 days of the notice or the public notice. */
export class ObjectionFiledValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsId()
  objectionId!: string;

  @IsReportNumber()
  @Describe('the report objected to')
  reportNumber!: string;

  @IsOneOf(APPLICANT_ROLES)
  applicantRole!: ApplicantRole;

  @IsText()
  applicantName!: string;

  @ValidateIf((o: ObjectionFiledValue) => o.applicantUnifiedSocialCreditCode !== undefined)
  @IsCreditCode()
  applicantUnifiedSocialCreditCode?: string;

  @IsUtcTimestamp()
  @Describe('when the applicant received the result notice, or the public notice was published')
  noticeReceivedAt!: string;

  @IsUtcTimestamp()
  filedAt!: string;

  @IsOptional()
  @IsText(2000)
  grounds?: string;
}
