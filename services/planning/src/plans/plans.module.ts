import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { BatchNumberCounter } from '../issuance/batch-number-counter';
import { IssueBatchesUseCase } from '../issuance/issue-batches.usecase';
import { ScoringModule } from '../scoring/scoring.module';
import { ExplainListingUseCase } from '../selection/explain-listing.usecase';
import { SelectListingsUseCase } from '../selection/select-listings.usecase';
import { SelectionStore } from '../selection/selection-store';
import { ApprovePlanUseCase } from './approve-plan.usecase';
import { ClosePlanUseCase } from './close-plan.usecase';
import { CreatePlanUseCase } from './create-plan.usecase';
import { PlanStore } from './plan-store';
import { PlansController } from './plans.controller';
import { ReturnPlanUseCase } from './return-plan.usecase';
import { SubmitPlanUseCase } from './submit-plan.usecase';

@Module({
  imports: [ScoringModule, DelegationsModule],
  controllers: [PlansController],
  providers: [
    PlanStore,
    SelectionStore,
    BatchNumberCounter,
    CreatePlanUseCase,
    SubmitPlanUseCase,
    ApprovePlanUseCase,
    ReturnPlanUseCase,
    ClosePlanUseCase,
    SelectListingsUseCase,
    ExplainListingUseCase,
    IssueBatchesUseCase,
  ],
})
export class PlansModule {}
