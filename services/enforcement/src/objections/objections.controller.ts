import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { BatchScope } from '../scope/batch-scope';
import { BatchNumberPipe } from '@qis/domain';
import { CompleteProceduresCommand } from './complete-procedures.command';
import { CompleteProceduresUseCase } from './complete-procedures.usecase';
import { ConfirmFilingCommand } from './confirm-filing.command';
import { ConfirmFilingUseCase } from './confirm-filing.usecase';
import { DecideObjectionCommand } from './decide-objection.command';
import { DecideObjectionUseCase } from './decide-objection.usecase';
import { FileObjectionCommand } from './file-objection.command';
import { FileObjectionUseCase } from './file-objection.usecase';
import type { Objection } from './objection.entity';
import { ObjectionQueries } from './objection.queries';
import { ObjectionView } from './objection.view';
import { ListObjectionsQuery } from './list-objections.query';
import { ObjectionPageView } from './objection-page.view';
import { RecordMaterialCommand } from './record-material.command';
import { RecordMaterialUseCase } from './record-material.usecase';
import { RenderMaterialsChecklistUseCase } from './render-materials-checklist.usecase';
import { WaiveReinspectionCommand } from './waive-reinspection.command';
import { WaiveReinspectionUseCase } from './waive-reinspection.usecase';

/** Officers see and act on the objections of the batches in their scope only (BatchScope); others 404. */
@ApiTags('objections')
@Controller()
export class ObjectionsController {
  constructor(
    private readonly queries: ObjectionQueries,
    private readonly objectionFiling: FileObjectionUseCase,
    private readonly decideObjection: DecideObjectionUseCase,
    private readonly completeProcedures: CompleteProceduresUseCase,
    private readonly waiveReinspection: WaiveReinspectionUseCase,
    private readonly confirmFiling: ConfirmFilingUseCase,
    private readonly recordMaterial: RecordMaterialUseCase,
    private readonly renderChecklist: RenderMaterialsChecklistUseCase,
    private readonly batchScope: BatchScope,
  ) {}

  /** The objection, if the caller may see its batch; else the 404 of an unknown id. */
  private async load(principal: Principal, id: string): Promise<Objection> {
    return this.queries.visible(principal, id);
  }

  @Post('batches/:batchNumber/objections')
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary: 'File a written objection; a late one is kept as refused with the dates in the reason',
  })
  @ApiCreatedResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({
    description:
      'filedAt lies in the future, or on an earlier day than today (Asia/Shanghai) without filingReason',
  })
  @ApiConflictResponse({
    description:
      'the batch has no result to object to or its result is final, no result notice went to that applicant or its receipt is not recorded, or the applicant already has an objection in progress',
  })
  async fileObjection(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: FileObjectionCommand,
  ): Promise<ObjectionView> {
    await this.batchScope.assertVisible(principal, batchNumber, 'batch', batchNumber);
    return ObjectionView.of(await this.objectionFiling.execute(actor, batchNumber, command));
  }

  @Get('batches/:batchNumber/objections')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({ summary: "A batch's objections" })
  @ApiOkResponse({ type: ObjectionView, isArray: true })
  async listBatchObjections(
    @CurrentPrincipal() principal: Principal,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
  ): Promise<ObjectionView[]> {
    return this.queries.ofBatch(principal, batchNumber);
  }

  @Get('objections')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Objections of the batches in the caller's scope (an officer's jurisdiction), newest filing first",
  })
  @ApiOkResponse({ type: ObjectionPageView })
  async listObjections(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListObjectionsQuery,
  ): Promise<ObjectionPageView> {
    return this.queries.page(principal, query);
  }

  @Get('objections/:id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'One objection' })
  @ApiOkResponse({ type: ObjectionView })
  async getObjection(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.load(principal, id));
  }

  @Post('objections/:id/decision')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({
    summary:
      "The approver's decision: approve (re-inspection requested, 7 days to complete procedures) or refuse",
  })
  @ApiOkResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({
    description:
      'decidedAt lies in the future, or is before the objection was filed, or (approving) a required item of the materials checklist is missing: each is named (`materials.<item>`)',
  })
  @ApiConflictResponse({
    description:
      'the objection is not awaiting a decision (also while a back-dated filing awaits its second officer), or (approving) the batch lacks the report or the sealed sample to re-inspect',
  })
  async decide(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DecideObjectionCommand,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.decideObjection.execute(actor, id, command));
  }

  @Post('objections/:id/materials')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Record an item of the applicant's materials received after registration (补正材料), before the decision; audited",
  })
  @ApiOkResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({
    description: 'receivedAt lies in the future or before the objection was filed',
  })
  @ApiConflictResponse({
    description:
      'the objection is already decided (its checklist is closed), or the item was already received',
  })
  async materialReceived(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RecordMaterialCommand,
  ): Promise<ObjectionView> {
    await this.load(principal, id);
    return ObjectionView.of(await this.recordMaterial.execute(actor, id, command));
  }

  @Get('objections/:id/materials/pdf')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'The materials checklist (复检申请材料清单) as a Chinese PDF: issuing authority, applicant, each item received or missing with its date, legal basis',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the checklist as a PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async checklistPdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const objection = await this.load(principal, id);
    return new StreamableFile(await this.renderChecklist.execute(objection), {
      type: 'application/pdf',
      disposition: `inline; filename="objection-${objection.id}-materials.pdf"`,
    });
  }

  @Post('objections/:id/filing-confirmation')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'A second officer confirms an objection filed on an earlier day than it was recorded (four-eyes); only then is it filed in time and open to the decision',
  })
  @ApiOkResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({ description: 'filedAt is not the filing awaiting confirmation' })
  @ApiConflictResponse({
    description: 'no filing awaits confirmation, or the caller recorded it (rule four-eyes)',
  })
  async confirmBackdatedFiling(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ConfirmFilingCommand,
  ): Promise<ObjectionView> {
    await this.load(principal, id);
    return ObjectionView.of(await this.confirmFiling.execute(actor, id, command));
  }

  @Post('objections/:id/procedures-completed')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'Applicant and re-inspection lab completed the procedures within 7 days' })
  @ApiOkResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({
    description:
      'completedAt lies in the future, is before the re-inspection lab was known, or is after the 7-day limit (the re-inspection is waived)',
  })
  @ApiConflictResponse({
    description:
      'the objection is not an approved one awaiting procedures, or its re-inspection lab is not drawn yet',
  })
  async complete(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: CompleteProceduresCommand,
  ): Promise<ObjectionView> {
    await this.load(principal, id);
    return ObjectionView.of(await this.completeProcedures.execute(actor, id, command));
  }

  @Post('objections/:id/waiver')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Record the applicant's written waiver of an approved re-inspection (放弃复检): the first result becomes final",
  })
  @ApiOkResponse({ type: ObjectionView })
  @ApiUnprocessableEntityResponse({ description: 'declaredAt lies in the future' })
  @ApiConflictResponse({ description: 'the objection is not an approved re-inspection that can be waived' })
  async waive(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: WaiveReinspectionCommand,
  ): Promise<ObjectionView> {
    await this.load(principal, id);
    return ObjectionView.of(await this.waiveReinspection.execute(actor, id, command));
  }
}
