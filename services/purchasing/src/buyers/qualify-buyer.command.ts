import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** 承诺书 (signed day + the evidence object of the signed file) and training, before any assignment. */
export class QualifyBuyerCommand {
  @ApiPropertyOptional({ format: 'date', description: 'day the confidentiality commitment was signed' })
  @IsOptional()
  @IsISO8601({ strict: true })
  commitmentSignedOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'evidence object holding the signed commitment' })
  @IsOptional()
  @IsUUID('all')
  commitmentEvidenceId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'day training was completed' })
  @IsOptional()
  @IsISO8601({ strict: true })
  trainingCompletedOn?: string;
}
