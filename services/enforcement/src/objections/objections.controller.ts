import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { Repository } from 'typeorm';
import { BatchNumberPipe } from '../http/batch-number.pipe';
import { CompleteProceduresCommand } from './complete-procedures.command';
import { CompleteProceduresUseCase } from './complete-procedures.usecase';
import { DecideObjectionCommand } from './decide-objection.command';
import { DecideObjectionUseCase } from './decide-objection.usecase';
import { FileObjectionCommand } from './file-objection.command';
import { FileObjectionUseCase } from './file-objection.usecase';
import { Objection } from './objection.entity';
import { ObjectionView } from './objection.view';
import { WaiveReinspectionCommand } from './waive-reinspection.command';
import { WaiveReinspectionUseCase } from './waive-reinspection.usecase';

@ApiTags('objections')
@Controller()
export class ObjectionsController {
  constructor(
    @InjectRepository(Objection) private readonly objections: Repository<Objection>,
    private readonly objectionFiling: FileObjectionUseCase,
    private readonly decideObjection: DecideObjectionUseCase,
    private readonly completeProcedures: CompleteProceduresUseCase,
    private readonly waiveReinspection: WaiveReinspectionUseCase,
  ) {}

  @Post('batches/:batchNumber/objections')
  @Policy({ roles: ['enforcement-officer'] })
  @ApiOperation({
    summary: 'File a written objection; a late one is kept as refused with the dates in the reason',
  })
  @ApiCreatedResponse({ type: ObjectionView })
  async fileObjection(
    @CurrentActor() actor: AuditActor,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: FileObjectionCommand,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.objectionFiling.execute(actor, batchNumber, command));
  }

  @Get('batches/:batchNumber/objections')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({ summary: "A batch's objections" })
  @ApiOkResponse({ type: ObjectionView, isArray: true })
  async listBatchObjections(
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
  ): Promise<ObjectionView[]> {
    return (await this.objections.find({ where: { batchNumber }, order: { createdAt: 'ASC' } })).map((o) =>
      ObjectionView.of(o),
    );
  }

  @Get('objections/:id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({ summary: 'One objection' })
  @ApiOkResponse({ type: ObjectionView })
  async getObjection(@Param('id', new ParseUUIDPipe()) id: string): Promise<ObjectionView> {
    const found = await this.objections.findOneBy({ id });
    if (!found) throw notFound('objection', id);
    return ObjectionView.of(found);
  }

  @Post('objections/:id/decision')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({
    summary:
      "The approver's decision: approve (re-inspection requested, 7 days to complete procedures) or refuse",
  })
  @ApiOkResponse({ type: ObjectionView })
  async decide(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DecideObjectionCommand,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.decideObjection.execute(actor, id, command));
  }

  @Post('objections/:id/procedures-completed')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'] })
  @ApiOperation({ summary: 'Applicant and re-inspection lab completed the procedures within 7 days' })
  @ApiOkResponse({ type: ObjectionView })
  async complete(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: CompleteProceduresCommand,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.completeProcedures.execute(actor, id, command));
  }

  @Post('objections/:id/waiver')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'] })
  @ApiOperation({
    summary:
      "Record the applicant's written waiver of an approved re-inspection (放弃复检): the first result becomes final",
  })
  @ApiOkResponse({ type: ObjectionView })
  async waive(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: WaiveReinspectionCommand,
  ): Promise<ObjectionView> {
    return ObjectionView.of(await this.waiveReinspection.execute(actor, id, command));
  }
}
