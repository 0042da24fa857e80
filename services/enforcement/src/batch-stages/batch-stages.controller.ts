import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchScope } from '../scope/batch-scope';
import { BatchStagesQueries } from './batch-stages.queries';

const UNRESTRICTED = ['planner', 'approver', 'auditor', 'admin'] as const;
/** The evidence service's readers among this view's readers: only they get the notices' evidence ids. */
const EVIDENCE_OPENERS: readonly string[] = ['enforcement-officer', 'auditor'];

/**
 * Enforcement's part of a batch's story: result notices and their 5-working-day deadline,
 * objections, the final result, routing to the authority and the case's close. An officer sees a
 * batch as every officer route does (BatchScope): once routed, in the case's jurisdiction; before
 * that, only the sampling bureau's city officers; elsewhere it is "missing".
 */
@ApiTags('batches')
@Controller('batches')
export class BatchStagesController {
  constructor(
    private readonly queries: BatchStagesQueries,
    private readonly batchScope: BatchScope,
  ) {}

  @Get(':batchNumber/stages')
  @Policy({ roles: [...UNRESTRICTED, 'enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Enforcement's stages of a batch: notified, objected, final, routed, closed; an officer only for batches routed to their jurisdiction (before routing: the sampling city's officers)",
    description:
      'Actors are the staff who recorded the delivery, the objection, a re-routing or the close; null where the ' +
      "service acted on a rule. The notices' evidence ids (their stored PDFs) only to officers and auditors.",
  })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: "no such batch, or not in the calling officer's jurisdiction" })
  async stages(
    @Param() { batchNumber }: BatchNumberParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchStagesView> {
    await this.batchScope.assertVisible(principal, batchNumber, 'batch', batchNumber);
    const seesEvidence = principal.roles.some((role) => EVIDENCE_OPENERS.includes(role));
    const view = await this.queries.stages(batchNumber, seesEvidence);
    if (!view) throw notFound('batch', batchNumber);
    return view;
  }
}
