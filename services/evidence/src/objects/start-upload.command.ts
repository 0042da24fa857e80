import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { EVIDENCE_KINDS, type EvidenceKind } from './evidence-kind';

/** Announces a file: what it is, how big, and the SHA-256 the uploader computed. */
export class StartUploadCommand {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiPropertyOptional({ example: 'HZ2026-000123' })
  @IsOptional()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must look like HZ2026-000123' })
  batchNumber?: string;

  @ApiProperty({ example: 'video/mp4' })
  @Matches(/^[a-z]+\/[a-z0-9.+-]{1,100}$/, { message: 'contentType must be a MIME type such as video/mp4' })
  contentType!: string;

  @ApiProperty({ description: 'bytes', example: 1048576 })
  @IsInt()
  @Min(1)
  size!: number;

  @ApiProperty({ description: 'hex SHA-256 of the file as the uploader computed it' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;

  @ApiPropertyOptional({ example: '拆包视频.mp4' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
