import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A short-lived URL of the pinned version, with the hash to check the download against. */
export class DownloadTicket {
  @ApiProperty() url!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty() sha256!: string;
  @ApiPropertyOptional({ description: 'the content type the store answers with' }) contentType?: string;
}
