import { Module } from '@nestjs/common';
import { ImportListingsUseCase } from './import-listings.usecase';
import { ListingWriter } from './listing-writer';
import { ListingQuery } from './listing.query';
import { RecordSignalUseCase } from './record-signal.usecase';
import { SignalStore } from './signal-store';
import { SignalsConsumer } from './signals.consumer';
import { SignalsController } from './signals.controller';

@Module({
  controllers: [SignalsController],
  providers: [
    ImportListingsUseCase,
    ListingWriter,
    ListingQuery,
    RecordSignalUseCase,
    SignalStore,
    SignalsConsumer,
  ],
})
export class SignalsModule {}
