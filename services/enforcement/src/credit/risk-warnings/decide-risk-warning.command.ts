import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RuleAcrossFields } from '@qis/contracts';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** The second officer's decision: issue the warning, or send it back with a reason. */
@RuleAcrossFields({
  anyOf: [
    { properties: { approve: { enum: [true] } } },
    { required: ['reason'], properties: { reason: { pattern: '\\S' } } },
  ],
})
export class DecideRiskWarningCommand {
  @ApiProperty({ description: 'true: issue the warning (published by disclosure); false: reject it' })
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ description: 'required when rejecting', example: '风险描述需写明检测值与标称值' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}
