import { Module } from '@nestjs/common';
import { PublicationModule } from '../publication/publication.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { OpenDataController } from './open-data.controller';

/** Open data: results and statistics as CSV and JSON, with their schema. */
@Module({
  imports: [PublicationModule, StatisticsModule],
  controllers: [OpenDataController],
})
export class OpenDataModule {}
