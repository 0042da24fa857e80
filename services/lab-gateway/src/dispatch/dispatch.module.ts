import { Module } from '@nestjs/common';
import { DispatchSampleUseCase } from './dispatch-sample.usecase';
import { DispatchesController } from './dispatches.controller';
import { OverdueScheduler } from './overdue-scheduler';
import { ReinspectionRequestedConsumer } from './reinspection-requested.consumer';
import { SampleSealedConsumer } from './sample-sealed.consumer';
import { ScanOverdueUseCase } from './scan-overdue.usecase';

@Module({
  controllers: [DispatchesController],
  providers: [
    DispatchSampleUseCase,
    SampleSealedConsumer,
    ReinspectionRequestedConsumer,
    ScanOverdueUseCase,
    OverdueScheduler,
  ],
  exports: [DispatchSampleUseCase],
})
export class DispatchModule {}
