import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchSearchView } from './batch-search.view';
import { BatchSearchQuery } from './batch-search.query';
import { BatchStagesQueries } from './batch-stages.queries';
import { SearchBatchesUseCase } from './search-batches.usecase';

const READERS = ['planner', 'approver', 'auditor', 'admin'] as const;

/** Planning's part of a batch's story (issued), and finding a batch by seller or listing. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(
    private readonly batchSearch: SearchBatchesUseCase,
    private readonly batchStages: BatchStagesQueries,
  ) {}

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      'Find batches by batch number (or its start), seller (part of the name, or credit code) or listing URL, newest issued first, a page at a time',
  })
  @ApiOkResponse({ type: BatchSearchView })
  searchBatches(@Query() query: BatchSearchQuery): Promise<BatchSearchView> {
    return this.batchSearch.execute(query);
  }

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: "Planning's stage of the batch: issued, with its plan, listing and seller" })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch' })
  async stages(@Param() { batchNumber }: BatchNumberParams): Promise<BatchStagesView> {
    const stages = await this.batchStages.issued(batchNumber);
    // The same body every service gives for a batch it does not know (or the caller may not see).
    if (!stages) throw notFound('batch', batchNumber);
    return stages;
  }
}
