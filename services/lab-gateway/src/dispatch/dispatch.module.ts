import { Module } from '@nestjs/common';
import { DispatchSampleUseCase } from './dispatch-sample.usecase';
import { DispatchQueries } from './dispatch.queries';
import { DispatchesController } from './dispatches.controller';
import { OverdueScheduler } from './overdue-scheduler';
import { ReinspectionRequestedConsumer } from './reinspection-requested.consumer';
import { SampleSealedConsumer } from './sample-sealed.consumer';
import { ScanOverdueUseCase } from './scan-overdue.usecase';
import { WaitingDispatchScheduler } from './waiting-dispatch.scheduler';
import { WaitingDispatches } from './waiting-dispatches';
import { WaitingSamplesController } from './waiting-samples.controller';

@Module({
  controllers: [DispatchesController, WaitingSamplesController],
  providers: [
    DispatchQueries,
    DispatchSampleUseCase,
    SampleSealedConsumer,
    ReinspectionRequestedConsumer,
    ScanOverdueUseCase,
    OverdueScheduler,
    WaitingDispatches,
    WaitingDispatchScheduler,
  ],
  exports: [DispatchSampleUseCase, WaitingDispatches, WaitingDispatchScheduler],
})
export class DispatchModule {}
