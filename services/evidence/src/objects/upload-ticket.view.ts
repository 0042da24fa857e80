import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PartUrl {
  @ApiProperty()
  partNumber!: number;

  @ApiProperty()
  url!: string;
}

/** Where to PUT the bytes: one URL, or one per part (then finalize with the parts' ETags). */
export class UploadTicket {
  @ApiProperty()
  objectId!: string;

  @ApiProperty({ enum: ['single', 'multipart'] })
  method!: 'single' | 'multipart';

  @ApiPropertyOptional({ description: 'single: PUT the whole file here' })
  url?: string;

  @ApiPropertyOptional({ description: 'multipart: size of every part but the last' })
  partSize?: number;

  @ApiPropertyOptional({
    type: [PartUrl],
    description: 'multipart: PUT each part to its URL, keep each ETag',
  })
  parts?: PartUrl[];

  @ApiProperty()
  expiresAt!: string;
}
