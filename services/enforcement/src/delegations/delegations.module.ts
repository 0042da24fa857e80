import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoutingModule } from '../routing/routing.module';
import { DelegationBook } from './delegation-book';
import { DelegationEventsConsumer } from './delegation-events.consumer';
import { RecordDelegationUseCase } from './record-delegation.usecase';
import { SamplingDelegationRecord } from './sampling-delegation.entity';

/** Delegated sampling (一事一委托): the delegations planning publishes, and which one covers a batch. */
@Module({
  imports: [TypeOrmModule.forFeature([SamplingDelegationRecord]), RoutingModule],
  providers: [DelegationBook, DelegationEventsConsumer, RecordDelegationUseCase],
  exports: [DelegationBook],
})
export class DelegationsModule {}
