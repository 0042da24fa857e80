import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER, PLAN_KINDS, type PlanKind } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RuleAcrossFields } from '@qis/contracts';
import { RiskWeights } from '../scoring/risk-weights';
import { EMERGENCY_TRIGGERS, type EmergencyTrigger } from './plan-vocabulary';
import { Scheme } from './scheme.dto';

/**
 * What each kind needs: an emergency plan its trigger and evidence, a follow-up plan the failed
 * batch it follows up (a batch number the service then looks up: 422 when no final failed result of
 * it is known), and only a follow-up plan names one.
 */
@RuleAcrossFields({
  oneOf: PLAN_KINDS.map((kind) => ({
    properties: { kind: { enum: [kind] } },
    ...(kind === 'emergency' ? { required: ['emergencyTrigger', 'emergencyEvidence'] } : {}),
    ...(kind === 'follow-up' ? { required: ['followUpOf'] } : { not: { required: ['followUpOf'] } }),
  })),
})
export class CreatePlanCommand {
  @ApiProperty({ enum: PLAN_KINDS })
  @IsIn([...PLAN_KINDS])
  kind!: PlanKind;

  @ApiProperty({ example: '2026 年双十一网络商品质量抽检' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ enum: EMERGENCY_TRIGGERS, description: 'required for emergency plans' })
  @ValidateIf((p: CreatePlanCommand) => p.kind === 'emergency' || p.emergencyTrigger !== undefined)
  @IsIn([...EMERGENCY_TRIGGERS])
  emergencyTrigger?: EmergencyTrigger;

  @ApiPropertyOptional({ description: 'the evidence of the trigger (required for emergency plans)' })
  @ValidateIf((p: CreatePlanCommand) => p.kind === 'emergency' || p.emergencyEvidence !== undefined)
  @IsString()
  @Length(1, 4000)
  emergencyEvidence?: string;

  @ApiPropertyOptional({
    description: 'the earlier failed batch, e.g. HZ2026-000123 (follow-up plans only, and required there)',
  })
  @ValidateIf((p: CreatePlanCommand) => p.kind === 'follow-up' || p.followUpOf !== undefined)
  @Matches(BATCH_NUMBER, { message: 'followUpOf must be a batch number, e.g. HZ2026-000123' })
  followUpOf?: string;

  @ApiPropertyOptional({
    description: 'seed of the random share; generated when absent, stored with the plan',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  seed?: string;

  @ApiProperty({
    description: 'share of each quota drawn at random (random sampling is required)',
    minimum: 0.05,
    maximum: 1,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.05)
  @Max(1)
  randomShare!: number;

  @ApiPropertyOptional({ type: RiskWeights })
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskWeights)
  weights?: RiskWeights;

  @ApiProperty({ type: Scheme })
  @IsDefined()
  @ValidateNested()
  @Type(() => Scheme)
  scheme!: Scheme;
}
