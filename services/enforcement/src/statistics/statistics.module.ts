import { Module } from '@nestjs/common';
import { KernelModule } from '../kernel/kernel.module';
import { RoutingModule } from '../routing/routing.module';
import { EnforcementOverviewQuery } from './enforcement-overview.query';
import { StatisticsController } from './statistics.controller';

/** The enforcement overview: batches by stage, deadlines, cases, by month and jurisdiction. */
@Module({
  imports: [KernelModule, RoutingModule],
  controllers: [StatisticsController],
  providers: [EnforcementOverviewQuery],
})
export class StatisticsModule {}
