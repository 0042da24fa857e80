import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFound, Policy, queryScope, type Principal } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { labOf } from '../shared/lab-of';
import { BatchStagesQueries } from './batch-stages.queries';

const UNRESTRICTED = ['planner', 'approver', 'auditor', 'admin'] as const;
/**
 * Who gets the report document's evidence id: those who may open it in the evidence service, its
 * readers (here the auditor) and the lab that uploaded it; planners, approvers and admins see none.
 */
const REPORT_OPENERS: readonly string[] = ['auditor', 'lab'];

/** The lab gateway's part of a batch's story: dispatched at random to a lab, and its reports. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(private readonly queries: BatchStagesQueries) {}

  @Get(':batchNumber/stages')
  @Policy({ roles: [...UNRESTRICTED, 'lab'], scope: 'lab' })
  @ApiOperation({
    summary:
      'The lab stages of a batch: each dispatch (the draw, the lab, the testing deadline) and each report; a lab sees only its own',
    description:
      "The report document's evidence id only to those who may open it: the auditor (an evidence reader) and the lab that reported.",
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch, or none of it dispatched to the calling lab' })
  async stages(
    @Param() { batchNumber }: BatchNumberParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchStagesView> {
    const scope = queryScope(principal, 'lab', UNRESTRICTED);
    const lab = scope.kind === 'own' ? labOf(principal) : null;
    if (scope.kind === 'none' || (scope.kind === 'own' && lab === null)) throw notFound('batch', batchNumber);
    const stages = await this.queries.stages(batchNumber, {
      lab,
      seesReport: principal.roles.some((role) => REPORT_OPENERS.includes(role)),
    });
    if (!stages) throw notFound('batch', batchNumber);
    return stages;
  }
}
