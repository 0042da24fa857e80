import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PartUrl {
  @ApiProperty()
  partNumber!: number;

  @ApiProperty()
  url!: string;

  @ApiPropertyOptional({
    description: 'bytes of this part: the URL is signed for exactly this Content-Length',
  })
  size?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "headers to send with this part's PUT, as given (signed)",
  })
  headers?: Record<string, string>;
}

/**
 * Where to PUT the bytes: one URL, or one per part (then finalize with the parts' ETags). Each URL
 * is signed for the exact size and the SHA-256 (the file's, or the one declared for the part): the
 * store refuses other bytes. They land in a staging bucket and work until finalize (or `expiresAt`).
 */
export class UploadTicket {
  @ApiProperty()
  objectId!: string;

  @ApiProperty({ enum: ['single', 'multipart'] })
  method!: 'single' | 'multipart';

  @ApiPropertyOptional({ description: 'single: PUT the whole file here' })
  url?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'single: headers to send with the PUT, as given (signed): `x-amz-checksum-sha256`, the base64 of the declared SHA-256',
  })
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'multipart: size of every part but the last' })
  partSize?: number;

  @ApiPropertyOptional({ description: 'multipart: how many parts the file has' })
  partCount?: number;

  @ApiPropertyOptional({
    description:
      'multipart: true when the parts are declared (size and SHA-256): `parts` then lists the URLs of the ' +
      'declared parts only, each signed for its SHA-256 too; declare the others with `POST …/parts`. ' +
      'false for the deprecated flow that declares none: every part, signed for its size only.',
  })
  partsDeclared?: boolean;

  @ApiPropertyOptional({
    type: [PartUrl],
    description:
      'multipart: PUT each part to its URL (with its headers: `x-amz-checksum-sha256` for a declared part), keep each ETag',
  })
  parts?: PartUrl[];

  @ApiProperty()
  expiresAt!: string;
}
