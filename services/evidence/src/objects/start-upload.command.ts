import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PARTS_PER_REQUEST, PartDeclaration } from './declare-parts.command';
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

  @ApiProperty({
    description: 'bytes; at most EVIDENCE_MAX_OBJECT_MB, by default 51,200 MiB (the maximum stated here)',
    example: 1048576,
    maximum: 50 * 1024 * 2 ** 20,
  })
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

  @ApiPropertyOptional({
    type: [PartDeclaration],
    maxItems: MAX_PARTS_PER_REQUEST,
    description:
      'multipart: the parts declared so far (size and base64 SHA-256), `[]` to declare them later with ' +
      '`POST /evidence/uploads/{id}/parts` once the ticket tells the part size. Then the ticket lists URLs ' +
      'for the declared parts only, each signed for its size and SHA-256. Without it (deprecated, the ' +
      "2.0.0 flow) every part's URL is signed for its size only. A file that fits one part has none: " +
      '`[]` is ignored then, declared parts are refused (422).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PartDeclaration)
  parts?: PartDeclaration[];
}
