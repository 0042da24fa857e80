import { Module } from '@nestjs/common';
import { IntakeController } from './intake.controller';
import { OrderPlacedConsumer } from './order-placed.consumer';
import { ReceiveParcelUseCase } from './receive-parcel.usecase';

@Module({
  controllers: [IntakeController],
  providers: [OrderPlacedConsumer, ReceiveParcelUseCase],
})
export class IntakeModule {}
