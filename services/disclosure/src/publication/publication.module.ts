import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionDirectory } from '../dimensions/region-directory';
import { StatisticsRecorder } from '../statistics/statistics-recorder';
import { PublicationListeners } from './publication-listeners';
import { Publication } from './publication.entity';
import { PublicationAdminQueryService } from './publication-admin.query';
import { PublicationsController } from './publications.controller';
import { PublicNoticesController } from './public-notices.controller';
import { PublicNotice } from './public-notice.entity';
import { PublicResultsController } from './public-results.controller';
import { PublicResultsQuery } from './public-results.query';
import { PublishNoticeUseCase } from './publish-notice.usecase';
import { PublishResultUseCase } from './publish-result.usecase';
import { ResultEventsConsumer } from './result-events.consumer';
import { RevisePublicationUseCase } from './revise-publication.usecase';

export const publicationEntities = [Publication, PublicNotice];

const regionDirectoryProvider: Provider = {
  provide: RegionDirectory,
  useFactory: () => RegionDirectory.fromChinaDivision(),
};

/**
 * Publication (公示) of final results and public notices; corrections and withdrawals. Exports
 * `PublicationListeners` (learn of each publication in its transaction) and the public queries.
 */
@Module({
  imports: [TypeOrmModule.forFeature(publicationEntities)],
  controllers: [PublicResultsController, PublicationsController, PublicNoticesController],
  providers: [
    regionDirectoryProvider,
    PublicationListeners,
    PublicResultsQuery,
    PublicationAdminQueryService,
    PublishResultUseCase,
    PublishNoticeUseCase,
    RevisePublicationUseCase,
    ResultEventsConsumer,
    StatisticsRecorder,
  ],
  exports: [PublicationListeners, PublicResultsQuery, RegionDirectory],
})
export class PublicationModule {}
