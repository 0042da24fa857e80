import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class UploadedPart {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10_000)
  partNumber!: number;

  @ApiProperty({ description: 'the ETag the store answered to the part PUT' })
  @Matches(/^"?[0-9a-f]{32}(-\d+)?"?$/, { message: 'etag must be the ETag returned by the part upload' })
  etag!: string;
}

/** Multipart uploads name their parts; single uploads send an empty body. */
export class FinalizeUploadCommand {
  @ApiPropertyOptional({ type: [UploadedPart] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => UploadedPart)
  parts?: UploadedPart[];
}
