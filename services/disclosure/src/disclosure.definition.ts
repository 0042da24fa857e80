import type { ServiceDefinition } from '@qis/runtime';
import { BatchViewModule } from './batch-view/batch-view.module';
import { DisclosureConfig } from './disclosure.config';
import { feedEntities, feedMigrations, FeedsModule } from './feeds/feeds.module';
import { migrations } from './migrations';
import { OpenDataModule } from './open-data/open-data.module';
import { publicationEntities, PublicationModule } from './publication/publication.module';
import {
  riskWarningEntities,
  riskWarningMigrations,
  RiskWarningsModule,
} from './risk-warnings/risk-warnings.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WebModule } from './web/web.module';

export const disclosureService: ServiceDefinition<DisclosureConfig> = {
  name: 'disclosure',
  title: 'QIS Disclosure service',
  description: 'Publication of results, statistics, the public web page, platform result feeds, open data.',
  config: DisclosureConfig,
  entities: [...publicationEntities, ...feedEntities, ...riskWarningEntities],
  migrations: [...migrations, ...feedMigrations, ...riskWarningMigrations],
  // One feature module per line: publication first (the others build on it).
  imports: [
    PublicationModule,
    StatisticsModule,
    OpenDataModule,
    WebModule,
    FeedsModule,
    BatchViewModule,
    RiskWarningsModule,
  ],
  openApiLinks: [
    { from: 'register', to: ['rotate', 'retire'], parameters: { code: '$response.body#/code' } },
  ],
};
