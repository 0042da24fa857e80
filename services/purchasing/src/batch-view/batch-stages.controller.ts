import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchStagesQueries } from './batch-stages.queries';
import { FindBatchesByOrderUseCase } from './find-batches-by-order.usecase';
import { OrderBatchesView } from './order-batch.view';
import { OrderNumberQuery } from './order-number.query';

const READERS = ['planner', 'approver', 'auditor', 'admin', 'purchasing-admin'] as const;
/**
 * Order numbers tell which orders were mystery buys: only the roles that may look a batch up by
 * one see them (and approvers, who see the purchase record to approve a price); not planners.
 */
const ORDER_NUMBER_READERS: readonly string[] = ['purchasing-admin', 'auditor', 'admin', 'approver'];
/** The readers of the evidence service among this view's readers: only they get the evidence ids. */
const EVIDENCE_OPENERS: readonly string[] = ['purchasing-admin', 'auditor'];

const holdsAny = (principal: Principal, roles: readonly string[]) =>
  principal.roles.some((role) => roles.includes(role));

/**
 * Purchasing's part of a batch's story: each assignment to a buyer, the purchase and the shipment.
 * A buyer appears only by pseudonym: this view never reads a name, ID number, phone, login
 * subject, shopping account or address (BatchStagesQueries selects none of them).
 */
@ApiTags('batches')
@Controller('batches')
export class BatchStagesController {
  constructor(
    private readonly queries: BatchStagesQueries,
    private readonly findByOrder: FindBatchesByOrderUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['purchasing-admin', 'auditor', 'admin'] })
  @ApiOperation({
    summary: 'The batch bought with an order number (exact; order numbers are unique per platform)',
    description: 'An empty list when no recorded purchase carries it.',
  })
  @ApiOkResponse({ type: OrderBatchesView })
  byOrderNumber(@Query() { orderNumber }: OrderNumberQuery): Promise<OrderBatchesView> {
    return this.findByOrder.execute(orderNumber);
  }

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      "Purchasing's stages of a batch: assigned (each buyer by pseudonym, with the deadline to order), bought, shipped",
    description:
      'The order number only to purchasing-admin, approver, auditor and admin; the purchase evidence ids only to ' +
      'those who may open them in the evidence service (purchasing-admin, auditor).',
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch' })
  async stages(
    @Param() { batchNumber }: BatchNumberParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchStagesView> {
    const view = await this.queries.stages(batchNumber, {
      seesOrderNumber: holdsAny(principal, ORDER_NUMBER_READERS),
      seesEvidence: holdsAny(principal, EVIDENCE_OPENERS),
    });
    if (!view) throw notFound('batch', batchNumber);
    return view;
  }
}
