import { Module } from '@nestjs/common';
import { CaseRouter } from './case-router';
import { caseRouterProvider } from './case-router.provider';

/** The case router: which authority a batch's case goes to (seed 003 §2, §7). */
@Module({
  providers: [caseRouterProvider],
  exports: [CaseRouter],
})
export class RoutingModule {}
