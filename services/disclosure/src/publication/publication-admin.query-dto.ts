import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../dimensions/page.query';
import { PUBLICATION_STATUSES, type PublicationStatus } from './public-result.view';

/** The bureau's list of published results: current versions, withdrawn ones included. */
export class PublicationAdminQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES, description: 'state of the current version' })
  @IsOptional()
  @IsIn([...PUBLICATION_STATUSES])
  status?: PublicationStatus;

  @ApiPropertyOptional({ description: 'batch number (or its start), seller or sample name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
