import { Module } from '@nestjs/common';
import { PlanStore } from '../plans/plan-store';
import { ScoringModule } from '../scoring/scoring.module';
import { ImportListingsUseCase } from './import-listings.usecase';
import { ListingWriter } from './listing-writer';
import { ListingQuery } from './listing.query';
import { RecordSignalUseCase } from './record-signal.usecase';
import { SearchListingsUseCase } from './search-listings.usecase';
import { SignalStore } from './signal-store';
import { SignalsConsumer } from './signals.consumer';
import { SignalsController } from './signals.controller';

@Module({
  imports: [ScoringModule],
  controllers: [SignalsController],
  providers: [
    ImportListingsUseCase,
    ListingWriter,
    ListingQuery,
    SearchListingsUseCase,
    PlanStore,
    RecordSignalUseCase,
    SignalStore,
    SignalsConsumer,
  ],
})
export class SignalsModule {}
