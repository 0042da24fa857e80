import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { OpenSessionUseCase } from './open-session.usecase';
import { BatchBuyerController } from './batch-buyer.controller';
import { UnpackingController } from './unpacking.controller';

@Module({
  imports: [AccessModule],
  controllers: [UnpackingController, BatchBuyerController],
  providers: [OpenSessionUseCase],
})
export class UnpackingModule {}
