import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchStagesQueries } from './batch-stages.queries';

const READERS = ['planner', 'approver', 'auditor', 'admin', 'intake-officer'] as const;

/**
 * The evidence service's part of a batch's story: the parcel admitted against the recorded order,
 * and the sample sealed after the joint unpacking, with the recordings and documents as evidence.
 * Participants' names (and the buyer's code) stay out: the records themselves hold them.
 */
@ApiTags('batches')
@Controller('batches')
export class BatchStagesController {
  constructor(private readonly queries: BatchStagesQueries) {}

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      "The evidence service's stages of a batch: received (the parcel matched to the order) and sealed (sample codes, seals, the unpacking and sealing records)",
    description:
      'The evidence ids (unboxing video, waybill and sample photos, work order, sampling notice) only to the ' +
      'evidence readers among its readers (intake-officer, auditor, admin), and of those only the kinds the ' +
      'caller may open (the waybill photo shows the buyer: admin only); the matched order number not to planners.',
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no parcel received for the batch' })
  async stages(
    @Param() { batchNumber }: BatchNumberParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchStagesView> {
    const stages = await this.queries.stages(batchNumber, principal);
    if (!stages) throw notFound('batch', batchNumber);
    return stages;
  }
}
