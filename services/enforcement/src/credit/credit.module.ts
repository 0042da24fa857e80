import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KernelModule } from '../kernel/kernel.module';
import { RoutingModule } from '../routing/routing.module';
import { ScopeModule } from '../scope/scope.module';
import { CreditEntry } from './credit-entry.entity';
import { CreditController } from './credit.controller';
import { CreditQueries } from './credit.queries';
import { FollowUpProposal } from './follow-up-proposal.entity';
import { RecordFailureCreditUseCase } from './record-failure-credit.usecase';
import { RecordFollowUpOutcomeUseCase } from './record-follow-up-outcome.usecase';
import { RiskWarningDecisionsUseCase } from './risk-warnings/risk-warning-decisions.usecase';
import { RiskWarningScope } from './risk-warnings/risk-warning-scope';
import { RiskWarning } from './risk-warnings/risk-warning.entity';
import { RiskWarningQueries } from './risk-warnings/risk-warning.queries';
import { RiskWarningsController } from './risk-warnings/risk-warnings.controller';
import { SearchCreditFilesUseCase } from './search-credit-files.usecase';

/** Credit files of failed sellers and producers, follow-up sampling, risk warnings. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CreditEntry, FollowUpProposal, RiskWarning]),
    KernelModule,
    RoutingModule,
    ScopeModule,
  ],
  controllers: [CreditController, RiskWarningsController],
  providers: [
    RecordFailureCreditUseCase,
    RecordFollowUpOutcomeUseCase,
    SearchCreditFilesUseCase,
    RiskWarningScope,
    RiskWarningDecisionsUseCase,
    CreditQueries,
    RiskWarningQueries,
  ],
  exports: [RecordFailureCreditUseCase, RecordFollowUpOutcomeUseCase],
})
export class CreditModule {}
