import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ChangeContractUseCase } from './contracts/change-contract.usecase';
import { ContractsController } from './contracts/contracts.controller';
import { OwnContractsController } from './contracts/own-contracts.controller';
import { RecordContractUseCase } from './contracts/record-contract.usecase';
import { LabsController } from './labs.controller';
import { RegisterLabUseCase } from './register-lab.usecase';
import { UpdateLabUseCase } from './update-lab.usecase';

@Module({
  imports: [IdempotencyModule, DispatchModule],
  controllers: [LabsController, ContractsController, OwnContractsController],
  providers: [RegisterLabUseCase, UpdateLabUseCase, RecordContractUseCase, ChangeContractUseCase],
})
export class LabsModule {}
