import { Module } from '@nestjs/common';
import { PublicationModule } from '../publication/publication.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** The public statistics (the recorder lives with publication, which feeds it in its transactions). */
@Module({
  imports: [PublicationModule],
  controllers: [StatisticsController],
  providers: [StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
