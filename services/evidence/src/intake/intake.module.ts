import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/custody.module';
import { IntakeController } from './intake.controller';
import { IntakeQueries } from './intake.queries';
import { OrderPlacedConsumer } from './order-placed.consumer';
import { ReceiveParcelUseCase } from './receive-parcel.usecase';
import { ResolveQuarantineUseCase } from './resolve-quarantine.usecase';

@Module({
  imports: [CustodyModule],
  controllers: [IntakeController],
  providers: [IntakeQueries, OrderPlacedConsumer, ReceiveParcelUseCase, ResolveQuarantineUseCase],
})
export class IntakeModule {}
