import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { OpenSessionUseCase } from './open-session.usecase';
import { BatchBuyerController } from './batch-buyer.controller';
import { UnpackingController } from './unpacking.controller';
import { UnpackingQueries } from './unpacking.queries';

@Module({
  imports: [AccessModule],
  controllers: [UnpackingController, BatchBuyerController],
  providers: [OpenSessionUseCase, UnpackingQueries],
})
export class UnpackingModule {}
