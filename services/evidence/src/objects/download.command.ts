import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PURPOSE_DESCRIPTION } from '../access/evidence-policy';

/** The stated purpose of a download (body). */
export class DownloadCommand {
  @ApiPropertyOptional({ description: PURPOSE_DESCRIPTION, minLength: 4, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  purpose?: string;
}
