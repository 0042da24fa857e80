import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { BatchNumberPipe } from '@qis/domain';
import { DeliveryView } from './delivery-view';
import { ReadDeliveryUseCase } from './read-delivery.usecase';
import { RefuseTaskCommand } from './refuse-task.command';
import { RefuseTaskUseCase } from './refuse-task.usecase';
import { TaskListQuery } from './task-list.query';
import { TaskQueries } from './task.queries';
import { TaskView } from './task-view';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly queries: TaskQueries,
    private readonly refuse: RefuseTaskUseCase,
    private readonly delivery: ReadDeliveryUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['buyer', 'purchasing-admin', 'approver'] })
  @ApiOperation({
    summary: "Purchase tasks: a buyer's own current tasks; every task for admins and approvers",
  })
  @ApiOkResponse({ type: [TaskView] })
  async listTasks(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TaskListQuery,
  ): Promise<TaskView[]> {
    return this.queries.list(principal, query);
  }

  @Get(':batchNumber')
  @Policy({ roles: ['buyer', 'purchasing-admin', 'approver'] })
  @ApiOperation({ summary: 'One purchase task (a buyer: only one assigned to them)' })
  @ApiOkResponse({ type: TaskView })
  async getTask(
    @CurrentPrincipal() principal: Principal,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
  ): Promise<TaskView> {
    return this.queries.one(principal, batchNumber);
  }

  @Get(':batchNumber/delivery')
  @Policy({ roles: ['buyer', 'purchasing-admin'] })
  @ApiOperation({ summary: 'The shopping account and receiving address to order with (audited)' })
  @ApiOkResponse({ type: DeliveryView })
  @ApiConflictResponse({ description: 'the task has no account and address yet, or is already shipped' })
  async readDelivery(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
  ): Promise<DeliveryView> {
    return this.delivery.execute(principal, actor, batchNumber);
  }

  @Post(':batchNumber/refusal')
  @HttpCode(200)
  @Policy({ roles: ['buyer'] })
  @ApiOperation({ summary: 'Refuse an assigned batch; it is reassigned to another buyer' })
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({ description: 'the task is not assigned (any more)' })
  async refuseTask(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: RefuseTaskCommand,
  ): Promise<TaskView> {
    return this.refuse.execute(principal, actor, batchNumber, command);
  }
}
