import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { WaitingDispatchScheduler } from '../dispatch/waiting-dispatch.scheduler';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ReportView } from '../reports/report.view';
import { SubmitReportCommand } from '../reports/submit-report.command';
import { SubmitReportUseCase } from '../reports/submit-report.usecase';
import { labOf } from '../shared/lab-of';
import { AcceptAssignmentUseCase } from './accept-assignment.usecase';
import { AssignmentQueries } from './assignment.queries';
import { AssignmentPage } from './assignment-page.view';
import { AssignmentView } from './assignment.view';
import { DeclineAssignmentCommand } from './decline-assignment.command';
import { DeclineAssignmentUseCase } from './decline-assignment.usecase';
import { ListAssignmentsQuery } from './list-assignments.query';
import { ReportProgressCommand } from './report-progress.command';
import { ReportProgressUseCase } from './report-progress.usecase';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header';

/** Idempotency keys are the lab's own. */
const scopeOf = (labId: string | null): string => `lab:${labId ?? 'none'}`;

/**
 * The lab-facing API, version 1: a lab sees and works only its own assignments. Stable: changes
 * that are not additive go to /v2.
 */
@ApiTags('lab API v1')
@Controller('v1/assignments')
@Policy({ roles: ['lab'], scope: 'lab' })
export class LabApiController {
  constructor(
    private readonly queries: AssignmentQueries,
    private readonly idempotency: IdempotencyService,
    private readonly accept: AcceptAssignmentUseCase,
    private readonly decline: DeclineAssignmentUseCase,
    private readonly progress: ReportProgressUseCase,
    private readonly submit: SubmitReportUseCase,
    private readonly waiting: WaitingDispatchScheduler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My assignments, newest first (paged, optionally by status)' })
  @ApiOkResponse({ type: AssignmentPage })
  async listAssignments(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListAssignmentsQuery,
  ): Promise<AssignmentPage> {
    return this.queries.page(labOf(principal), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my assignments' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiNotFoundResponse({ description: 'no such assignment of this lab' })
  async getAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<AssignmentView> {
    return this.queries.one(labOf(principal), id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Accept the assignment (the lab will test the sample)' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiConflictResponse({ description: 'not dispatched any more, or the key was used with another body' })
  async acceptAssignment(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssignmentView> {
    const labId = labOf(principal);
    return this.answer(res, labId, key, req, {}, 200, (m) => this.accept.execute(m, labId, id, actor));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Decline with a reason; the sample is drawn again among the other labs' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiConflictResponse({ description: 'already reported or declined, or the key was used with another body' })
  async declineAssignment(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() cmd: DeclineAssignmentCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssignmentView> {
    const labId = labOf(principal);
    const view = await this.answer(res, labId, key, req, cmd, 200, (m) =>
      this.decline.execute(m, labId, id, cmd, actor),
    );
    this.waiting.capacityFreed();
    return view;
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Report progress on an accepted assignment' })
  @ApiOkResponse({ type: AssignmentView })
  async reportProgress(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() cmd: ReportProgressCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssignmentView> {
    const labId = labOf(principal);
    return this.answer(res, labId, key, req, cmd, 200, (m) =>
      this.progress.execute(m, labId, id, cmd, actor),
    );
  }

  @Post(':id/reports')
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary: 'Submit the test report (or an amended report naming the one it replaces)',
    description:
      'Shape errors answer 400; a well-formed report that breaks a rule answers 422 with every reason: ' +
      'unknown test item for the category, missing mandatory item, item verdicts inconsistent with the ' +
      'overall verdict or the failing items, dates out of order, a sample code that is not the dispatched one, ' +
      'and (with an evidence service) a signed PDF that is unknown, not finalized, not a lab report or of ' +
      'another batch (field reportDocumentId).',
  })
  @ApiCreatedResponse({ type: ReportView })
  @ApiUnprocessableEntityResponse({ description: 'every reason the report is refused, by field' })
  @ApiConflictResponse({ description: 'assignment not accepted, report number taken, or key reused' })
  async submitReport(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() cmd: SubmitReportCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('authorization') authorization: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    const labId = labOf(principal);
    // The evidence service first, with no transaction open; then the report's transaction. A retry
    // whose answer is stored is replayed without asking the evidence service again.
    const documentProblems = (await this.idempotency.answered(scopeOf(labId), key))
      ? []
      : await this.submit.documentProblems(labId, id, cmd, authorization);
    const view = await this.answer(res, labId, key, req, cmd, 201, (m) =>
      this.submit.execute(m, labId, id, cmd, actor, documentProblems),
    );
    this.waiting.capacityFreed(); // a reported assignment no longer holds the lab's capacity
    return view;
  }

  private async answer<T extends object>(
    res: Response,
    labId: string | null,
    key: string | undefined,
    req: Request,
    body: object,
    statusCode: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const answer = await this.idempotency.run<T>(
      { scope: scopeOf(labId), key, method: req.method, path: req.path, body },
      statusCode,
      work,
    );
    res.status(answer.statusCode);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}
