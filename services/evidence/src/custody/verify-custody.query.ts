import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsOptional, Matches } from 'class-validator';

/** Which objects to re-hash: one batch's, or (absent) every one. The chain is checked whole either way. */
export class VerifyCustodyQuery {
  @ApiPropertyOptional({ example: 'HZ2026-000123', description: "re-hash only this batch's objects" })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;
}
