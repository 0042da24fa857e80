import { Body, Controller, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { BatchNumberPipe } from '@qis/domain';
import { TaskView } from '../assignment/task-view';
import { ApprovePriceCommand } from './approve-price.command';
import { ApprovePriceUseCase } from './approve-price.usecase';
import { CompletePurchaseUseCase } from './complete-purchase.usecase';
import { PurchaseRecordCommand } from '../kernel/purchase-record.command';
import { RecordPurchaseUseCase } from './record-purchase.usecase';
import { RecordShipmentCommand } from './record-shipment.command';
import { RecordShipmentUseCase } from './record-shipment.usecase';

@ApiTags('purchases')
@ApiBearerAuth()
@Controller('tasks/:batchNumber')
export class PurchasesController {
  constructor(
    private readonly record: RecordPurchaseUseCase,
    private readonly complete: CompletePurchaseUseCase,
    private readonly approve: ApprovePriceUseCase,
    private readonly ship: RecordShipmentUseCase,
  ) {}

  @Put('purchase')
  @Policy({ roles: ['buyer'] })
  @ApiOperation({ summary: 'Save the purchase record and the evidence items uploaded so far' })
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({
    description: 'the task is no longer assigned: its purchase record can no longer change',
  })
  async recordPurchase(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: PurchaseRecordCommand,
  ): Promise<TaskView> {
    return this.record.execute(principal, actor, batchNumber, command);
  }

  @Post('completion')
  @HttpCode(200)
  @Policy({ roles: ['buyer'] })
  @ApiOperation({ summary: 'Complete the purchase; above the unit price cap it waits for an approver' })
  @ApiOkResponse({ type: TaskView })
  @ApiUnprocessableEntityResponse({
    description: 'record or mandatory evidence missing: each item listed in errors',
  })
  @ApiConflictResponse({
    description:
      'the task is no longer assigned, or its evidence package changed while it was being verified',
  })
  async completePurchase(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Headers('authorization') authorization: string,
  ): Promise<TaskView> {
    return this.complete.execute(principal, actor, batchNumber, authorization);
  }

  @Post('price-approval')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: "Approve a unit price above the plan's cap" })
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({ description: 'the task is not awaiting price approval' })
  async approvePrice(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: ApprovePriceCommand,
  ): Promise<TaskView> {
    return this.approve.execute(principal, actor, batchNumber, command);
  }

  @Post('shipment')
  @HttpCode(200)
  @Policy({ roles: ['buyer', 'purchasing-admin'] })
  @ApiOperation({ summary: 'Record carrier and tracking number; publishes order-placed' })
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({
    description: 'the task is not purchased (completed and, above the cap, approved) or already shipped',
  })
  async recordShipment(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: RecordShipmentCommand,
  ): Promise<TaskView> {
    return this.ship.execute(principal, actor, batchNumber, command);
  }
}
