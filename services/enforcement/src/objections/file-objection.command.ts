import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICANT_ROLES, UTC_TIMESTAMP, type ApplicantRole } from '@qis/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCreditCode } from '../http/is-credit-code';
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
  @IsCreditCode()
  applicantUnifiedSocialCreditCode?: string;

  @ApiProperty({
    example: '2026-06-16T02:00:00.000Z',
    description: 'when the written application was filed (UTC); judged in Asia/Shanghai days',
  })
  @Matches(UTC_TIMESTAMP, { message: 'filedAt must be an ISO-8601 UTC instant ending in Z' })
  filedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  grounds?: string;

  @ApiPropertyOptional({
    type: ObjectionMaterials,
    description: "the applicant's materials as received with the application, each received or missing",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObjectionMaterials)
  materials?: ObjectionMaterials;
}
