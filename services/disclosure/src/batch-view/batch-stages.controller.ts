import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchStagesQueries } from './batch-stages.queries';

const READERS = ['planner', 'approver', 'auditor', 'admin'] as const;

/**
 * Disclosure's part of a batch's story: each published version of its result (the result, then any
 * correction or withdrawal, by whom) and the public notice that replaced an undeliverable result
 * notice. The batch number stays internal to the public; staff find it here.
 */
@ApiTags('batches')
@Controller('batches')
export class BatchStagesController {
  constructor(private readonly queries: BatchStagesQueries) {}

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      "Disclosure's stages of a batch: published (each version of the public result, and a public notice replacing an undeliverable result notice)",
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'nothing of the batch published' })
  async stages(@Param() { batchNumber }: BatchNumberParams): Promise<BatchStagesView> {
    const stages = await this.queries.stages(batchNumber);
    if (!stages) throw notFound('batch', batchNumber);
    return stages;
  }
}
