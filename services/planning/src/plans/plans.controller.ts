import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { DataSource } from 'typeorm';
import { IssueBatchesUseCase } from '../issuance/issue-batches.usecase';
import { IssuedBatchView } from '../issuance/issued-batch.view';
import { ExplainListingUseCase } from '../selection/explain-listing.usecase';
import { ExplanationView } from '../selection/explanation.view';
import { SelectListingsUseCase } from '../selection/select-listings.usecase';
import { SelectionStore } from '../selection/selection-store';
import { SelectedListingView, SelectionView } from '../selection/selection.view';
import { ApprovePlanUseCase } from './approve-plan.usecase';
import { ClosePlanUseCase } from './close-plan.usecase';
import { CreatePlanCommand } from './create-plan.command';
import { CreatePlanUseCase } from './create-plan.usecase';
import { PlanIdParams } from './plan-id.params';
import { PlanListQuery } from './plan-list.query';
import { PlanListingParams } from './plan-listing.params';
import { PlanPageView } from './plan-page.view';
import { PlanStore } from './plan-store';
import { planView, PlanView } from './plan.view';
import { ReturnPlanCommand } from './return-plan.command';
import { ReturnPlanUseCase } from './return-plan.usecase';
import { SubmitPlanUseCase } from './submit-plan.usecase';

const READERS = ['planner', 'approver', 'auditor'] as const;

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly selections: SelectionStore,
    private readonly createPlan: CreatePlanUseCase,
    private readonly submitPlan: SubmitPlanUseCase,
    private readonly approvePlan: ApprovePlanUseCase,
    private readonly returnPlan: ReturnPlanUseCase,
    private readonly closePlan: ClosePlanUseCase,
    private readonly selectListings: SelectListingsUseCase,
    private readonly explainListing: ExplainListingUseCase,
    private readonly issueBatches: IssueBatchesUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['planner'] })
  @ApiOperation({
    summary:
      'Draft a plan with its scheme (routine, emergency with its trigger, or follow-up of a failed batch)',
  })
  @ApiCreatedResponse({ type: PlanView })
  @ApiUnprocessableEntityResponse({
    description:
      'a category listed twice in the scheme, or followUpOf names a batch with no final failed result; `errors` names the field',
  })
  async create(@Body() command: CreatePlanCommand, @CurrentActor() actor: AuditActor): Promise<PlanView> {
    return planView(await this.createPlan.execute(command, actor));
  }

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      'Plans by status (status=draft,returned), a page at a time: emergency plans awaiting approval first ' +
      '(fast track), then newest first; with the count of every status for the home queues',
  })
  @ApiOkResponse({ type: PlanPageView })
  @ApiBadRequestResponse({ description: 'an unknown status or a bad page; the body names the field' })
  async listPlans(@Query() query: PlanListQuery): Promise<PlanPageView> {
    const manager = this.dataSource.manager;
    const [{ plans, total }, counts] = await Promise.all([
      this.plans.list(manager, { statuses: query.status, page: query.page, pageSize: query.pageSize }),
      this.plans.counts(manager),
    ]);
    return { items: plans.map(planView), page: query.page, pageSize: query.pageSize, total, counts };
  }

  @Get(':id')
  @Policy({ roles: [...READERS] })
  @ApiOkResponse({ type: PlanView })
  async get(@Param() params: PlanIdParams): Promise<PlanView> {
    return planView(await this.plans.load(this.dataSource.manager, params.id));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Policy({ roles: ['planner'] })
  @ApiOperation({ summary: 'Submit a draft for approval' })
  @ApiOkResponse({ type: PlanView })
  @ApiConflictResponse({ description: 'the plan is not a draft' })
  async submit(@Param() params: PlanIdParams, @CurrentActor() actor: AuditActor): Promise<PlanView> {
    return planView(await this.submitPlan.execute(params.id, actor));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: 'Approve a submitted plan (four eyes: never by its author or its submitter)' })
  @ApiOkResponse({ type: PlanView })
  @ApiConflictResponse({
    description: 'not submitted, or the four-eyes rule (`rule: four-eyes`): the caller wrote or submitted it',
  })
  async approve(@Param() params: PlanIdParams, @CurrentActor() actor: AuditActor): Promise<PlanView> {
    return planView(await this.approvePlan.execute(params.id, actor));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: 'Send a submitted plan back to draft, with the reason' })
  @ApiOkResponse({ type: PlanView })
  @ApiConflictResponse({ description: 'the plan is not submitted' })
  async sendBack(
    @Param() params: PlanIdParams,
    @Body() command: ReturnPlanCommand,
    @CurrentActor() actor: AuditActor,
  ): Promise<PlanView> {
    return planView(await this.returnPlan.execute(params.id, command, actor));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Policy({ roles: ['planner', 'approver'] })
  @ApiOkResponse({ type: PlanView })
  @ApiConflictResponse({ description: 'the plan is not active (only an issued plan can be closed)' })
  async close(@Param() params: PlanIdParams, @CurrentActor() actor: AuditActor): Promise<PlanView> {
    return planView(await this.closePlan.execute(params.id, actor));
  }

  @Post(':id/selection')
  @HttpCode(200)
  @Policy({ roles: ['planner'] })
  @ApiOperation({
    summary:
      'Score and select listings (stratified by quota, ranked, seeded random share); replaces an earlier selection',
  })
  @ApiOkResponse({ type: SelectionView })
  @ApiConflictResponse({ description: 'the plan is past selection (neither draft, submitted nor approved)' })
  async select(@Param() params: PlanIdParams, @CurrentActor() actor: AuditActor): Promise<SelectionView> {
    return this.selectListings.execute(params.id, actor);
  }

  @Get(':id/selection')
  @Policy({ roles: [...READERS] })
  @ApiOkResponse({ type: [SelectedListingView] })
  async selection(@Param() params: PlanIdParams): Promise<SelectedListingView[]> {
    await this.plans.load(this.dataSource.manager, params.id);
    return this.selections.list(this.dataSource.manager, params.id);
  }

  @Get(':id/listings/:listingId/explanation')
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: 'Why a listing was or was not selected: its score per factor and each rule' })
  @ApiOkResponse({ type: ExplanationView })
  @ApiConflictResponse({ description: 'the plan has no selection yet' })
  async explain(@Param() params: PlanListingParams): Promise<ExplanationView> {
    return this.explainListing.execute(params.id, params.listingId);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @Policy({ roles: ['planner'] })
  @ApiOperation({
    summary:
      'Issue the batches of an approved plan (numbers gapless per bureau and year); publishes batch-issued',
  })
  @ApiOkResponse({ type: [IssuedBatchView] })
  @ApiConflictResponse({
    description:
      'the plan is not approved, has no selected listings, or a brand + spec/model would be sampled a third time this year',
  })
  async issue(@Param() params: PlanIdParams, @CurrentActor() actor: AuditActor): Promise<IssuedBatchView[]> {
    return this.issueBatches.execute(params.id, actor);
  }
}
