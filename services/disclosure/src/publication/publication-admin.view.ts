import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PUBLICATION_STATUSES, PublicResultView, type PublicationStatus } from './public-result.view';

/** A published result as the bureau's disclosure officer sees it: the public version plus its batch. */
export class PublicationAdminView extends PublicResultView {
  @ApiProperty({ description: 'the batch (internal; never on the public page)' }) batchNumber!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'platform code of the feed (internal)' })
  platformCode!: string | null;
}

export class PublicationAdminPage {
  @ApiProperty({ type: PublicationAdminView, isArray: true }) items!: PublicationAdminView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

/** A result with every version, newest first, and its batch. */
export class PublicationAdminDetailView {
  @ApiProperty({ type: PublicationAdminView, description: 'the current version' })
  current!: PublicationAdminView;
  @ApiProperty({ type: PublicationAdminView, isArray: true, description: 'every version, newest first' })
  history!: PublicationAdminView[];
}

export { PUBLICATION_STATUSES, type PublicationStatus };
