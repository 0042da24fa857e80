import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LabsController } from './labs.controller';
import { RegisterLabUseCase } from './register-lab.usecase';
import { UpdateLabUseCase } from './update-lab.usecase';

@Module({
  imports: [IdempotencyModule, DispatchModule],
  controllers: [LabsController],
  providers: [RegisterLabUseCase, UpdateLabUseCase],
})
export class LabsModule {}
