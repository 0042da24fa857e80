import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  IsISO8601,
} from 'class-validator';
import { CALENDAR_DATE, IsOmittable } from '@qis/contracts';
import { RuleAcrossFields } from '@qis/contracts';
import { RecordContractCommand } from './contracts/record-contract.command';
import { LabScopeDto } from './lab-scope.dto';

/** A contracted lab entered in the registry (by an administrator). */
@RuleAcrossFields({
  description: 'the CNAS accreditation number and its expiry go together',
  oneOf: [
    { required: ['cnasNumber', 'cnasExpiresOn'] },
    { not: { anyOf: [{ required: ['cnasNumber'] }, { required: ['cnasExpiresOn'] }] } },
  ],
})
export class RegisterLabCommand {
  @ApiProperty({ example: '浙江示例纺织品检测研究院' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '浙江省杭州市西湖区示例路1号' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address!: string;

  @ApiProperty({ description: 'CMA certificate number (检验检测机构资质认定)', example: '221112340567' })
  @IsString()
  @MinLength(4)
  @MaxLength(40)
  cmaNumber!: string;

  @ApiProperty({ example: '2028-06-30' })
  @Matches(CALENDAR_DATE, { message: 'cmaExpiresOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'cmaExpiresOn must be a date YYYY-MM-DD' })
  cmaExpiresOn!: string;

  @ApiPropertyOptional({ description: 'CNAS accreditation number', example: 'CNAS L1234' })
  @IsOmittable()
  @IsString()
  @MinLength(4)
  @MaxLength(40)
  cnasNumber?: string;

  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOmittable()
  @Matches(CALENDAR_DATE, { message: 'cnasExpiresOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'cnasExpiresOn must be a date YYYY-MM-DD' })
  cnasExpiresOn?: string;

  @ApiProperty({ description: '1 (lowest) to 5; re-inspection prefers a higher level', example: 2 })
  @IsInt()
  @Min(1)
  @Max(5)
  qualificationLevel!: number;

  @ApiProperty({ type: [LabScopeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LabScopeDto)
  scopes!: LabScopeDto[];

  @ApiProperty({ description: 'open assignments at once', example: 50 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity!: number;

  @ApiProperty({
    description:
      "turnaround in working days of the lab's sandbox assignments; a real sample's due date follows its entrustment contract",
    example: 10,
  })
  @IsInt()
  @Min(1)
  @Max(120)
  turnaroundWorkingDays!: number;

  @ApiPropertyOptional({ default: true })
  // May be left out (true), never null: IsOptional would let a null through to a NOT NULL column.
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      "an integrator's sandbox lab (only with LAB_SANDBOX_ENABLED): never drawn for a real sample; its users get synthetic assignments from POST /v1/sandbox/assignments. Fixed at registration.",
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  sandbox?: boolean;

  @ApiPropertyOptional({
    type: RecordContractCommand,
    description:
      'the entrustment contract (委托检验合同) signed with the lab, recorded with it; without one the lab is on record but never drawn until a contract is recorded (POST /labs/{id}/contracts)',
  })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RecordContractCommand)
  contract?: RecordContractCommand;
}
