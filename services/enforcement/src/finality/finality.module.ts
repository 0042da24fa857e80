import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CreditModule } from '../credit/credit.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { KernelModule } from '../kernel/kernel.module';
import { ResultFinality } from '../kernel/result-finality';
import { FinalizeResultUseCase } from './finalize-result.usecase';

/**
 * When a result can no longer change: `result-final`, and for a failure the case and the credit
 * files. Global for the kernel's ResultFinality token only: notices and objections, whose records
 * finality reads, call it without importing this module (which would tie the folders in a cycle).
 */
@Global()
@Module({
  imports: [KernelModule, CasesModule, CreditModule, DelegationsModule],
  providers: [FinalizeResultUseCase, { provide: ResultFinality, useExisting: FinalizeResultUseCase }],
  exports: [ResultFinality],
})
export class FinalityModule {}
