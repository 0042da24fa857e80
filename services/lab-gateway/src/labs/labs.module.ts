import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ChangeContractUseCase } from './contracts/change-contract.usecase';
import { ContractQueries } from './contracts/contract.queries';
import { ContractsController } from './contracts/contracts.controller';
import { OwnContractsController } from './contracts/own-contracts.controller';
import { RecordContractUseCase } from './contracts/record-contract.usecase';
import { LabQueries } from './lab.queries';
import { LabsController } from './labs.controller';
import { RegisterLabUseCase } from './register-lab.usecase';
import { UpdateLabUseCase } from './update-lab.usecase';

@Module({
  imports: [IdempotencyModule, DispatchModule],
  controllers: [LabsController, ContractsController, OwnContractsController],
  providers: [
    ContractQueries,
    LabQueries,
    RegisterLabUseCase,
    UpdateLabUseCase,
    RecordContractUseCase,
    ChangeContractUseCase,
  ],
})
export class LabsModule {}
