import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { WaitingDispatchScheduler } from '../dispatch/waiting-dispatch.scheduler';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LabQueries } from './lab.queries';
import { LabView } from './lab.view';
import { RegisterLabCommand } from './register-lab.command';
import { RegisterLabUseCase } from './register-lab.usecase';
import { UpdateLabCommand } from './update-lab.command';
import { UpdateLabUseCase } from './update-lab.usecase';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header';

/** The lab registry: accreditation, scope, capacity, turnaround (administrators). */
@ApiTags('labs')
@Controller('labs')
export class LabsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: LabQueries,
    private readonly idempotency: IdempotencyService,
    private readonly register: RegisterLabUseCase,
    private readonly update: UpdateLabUseCase,
    private readonly waiting: WaitingDispatchScheduler,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy({ roles: ['admin'] })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Register a contracted lab' })
  @ApiCreatedResponse({ type: LabView })
  @ApiUnprocessableEntityResponse({
    description:
      'a CNAS number without its expiry or the other way round, or a category in two scopes; `errors` names the field',
  })
  @ApiConflictResponse({ description: 'a lab with this CMA number is already registered' })
  async registerLab(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Body() cmd: RegisterLabCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
  ): Promise<LabView> {
    const answer = await this.idempotency.run(
      { scope: `sub:${principal.sub}`, key, method: req.method, path: req.path, body: cmd },
      201,
      (m) => this.register.execute(m, cmd, actor),
    );
    this.waiting.kick(); // a new lab may take samples that wait
    return answer.body;
  }

  @Patch(':id')
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: 'Change a lab: renewed accreditation, scope, capacity, active flag' })
  @ApiOkResponse({ type: LabView })
  @ApiUnprocessableEntityResponse({
    description:
      'a CNAS number without its expiry or the other way round, or a category in two scopes; `errors` names the field',
  })
  @ApiConflictResponse({ description: "the CMA number is another lab's" })
  async updateLab(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() cmd: UpdateLabCommand,
  ): Promise<LabView> {
    const lab = await this.dataSource.transaction((m) => this.update.execute(m, id, cmd, actor));
    this.waiting.kick(); // renewed accreditation, wider scope, more capacity: samples that wait may go
    return lab;
  }

  @Get()
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: 'Every lab in the registry' })
  @ApiOkResponse({ type: [LabView] })
  async listLabs(): Promise<LabView[]> {
    return this.queries.labs();
  }

  @Get(':id')
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: 'One lab' })
  @ApiOkResponse({ type: LabView })
  async getLab(@Param('id', new ParseUUIDPipe()) id: string): Promise<LabView> {
    const lab = await this.queries.lab(id);
    if (!lab) throw notFound('lab', id);
    return lab;
  }
}
