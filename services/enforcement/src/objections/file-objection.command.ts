import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICANT_ROLES,
  type ApplicantRole,
  HasCreditCodeCheckCharacter,
  UTC_TIMESTAMP,
} from '@qis/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ObjectionMaterials } from './objection-materials';

/** A written objection as the bureau received it (书面复检申请). */
export class FileObjectionCommand {
  @ApiProperty({ enum: APPLICANT_ROLES })
  @IsIn([...APPLICANT_ROLES])
  applicantRole!: ApplicantRole;

  @ApiProperty({ example: '杭州示例家纺有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  applicantName!: string;

  @ApiPropertyOptional({ example: '91330106MA2CF0B1XU' })
  @IsOptional()
  // The contracts' rule without its schema pattern: the released 1.0.0 request documents none, and
  // the contract gate counts an added pattern as breaking (IsCreditCode at the next major version).
  @HasCreditCodeCheckCharacter()
  applicantUnifiedSocialCreditCode?: string;

  @ApiProperty({
    example: '2026-06-16T02:00:00.000Z',
    description:
      "when the written application was filed (UTC); judged in Asia/Shanghai days. Not after enforcement's clock; on an earlier day than today it needs filingReason and a second officer's confirmation (POST /objections/{id}/filing-confirmation) before it counts",
  })
  @Matches(UTC_TIMESTAMP, { message: 'filedAt must be an ISO-8601 UTC instant ending in Z' })
  filedAt!: string;

  @ApiPropertyOptional({
    example: '申请书于2026-06-15经邮政EMS EA123456789CN寄达，签收日期见邮件详情单',
    description:
      'required when filedAt lies on an earlier day than today: what the earlier date rests on (postmark, signed acknowledgement); the filing then waits for a second officer',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  filingReason?: string;

  @ApiPropertyOptional({
    example: '王某某',
    description:
      'the authorised person (被授权人) who filed for the applicant; then the power of attorney and their ID are required materials',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  agentName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  grounds?: string;

  @ApiPropertyOptional({
    type: ObjectionMaterials,
    description:
      "the applicant's materials as received with the application, each received or missing; left out, every item is recorded missing (record items later with POST /objections/{id}/materials)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObjectionMaterials)
  materials?: ObjectionMaterials;
}
