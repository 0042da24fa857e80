import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PURPOSE_DESCRIPTION } from '../access/evidence-policy';

/** The stated purpose of a metadata read (query parameter). */
export class ReadPurposeQuery {
  @ApiPropertyOptional({ description: PURPOSE_DESCRIPTION, minLength: 4, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  purpose?: string;
}
