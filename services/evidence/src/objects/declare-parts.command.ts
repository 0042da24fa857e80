import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** At most this many parts per request (the body limit); a client declares the rest later. */
export const MAX_PARTS_PER_REQUEST = 500;

/** One part of a multipart upload as the uploader read it: its number, size and SHA-256. */
export class PartDeclaration {
  @ApiProperty({ minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  partNumber!: number;

  @ApiProperty({
    description: "bytes: the ticket's partSize for every part but the last, the rest for the last",
  })
  @IsInt()
  @Min(1)
  size!: number;

  @ApiProperty({
    description: 'base64 SHA-256 of the part, as `x-amz-checksum-sha256` carries it',
    example: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'sha256 must be the base64 of a 32-byte SHA-256' })
  sha256!: string;
}

/**
 * Declares parts of a pending multipart upload to get their URLs, each signed for the declared size
 * and SHA-256. Any subset, in any order, as often as needed: a resumable client declares parts as it
 * reads them; declaring a part again with the same size and SHA-256 gives it a fresh URL.
 */
export class DeclarePartsCommand {
  @ApiProperty({ type: [PartDeclaration], maxItems: MAX_PARTS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PartDeclaration)
  parts!: PartDeclaration[];
}
