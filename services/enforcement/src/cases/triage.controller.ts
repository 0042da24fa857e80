import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { In, Not, IsNull, Repository } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { CaseView } from './case.view';
import { RerouteCaseUseCase } from './reroute-case.usecase';
import { ResolveTriageCommand } from './resolve-triage.command';
import { TakedownReport } from './takedown-report.entity';
import { TriageItem } from './triage-item.entity';
import { TriageItemView } from './triage-item.view';
import { TriageSuggester } from './triage-suggestion';
import { TriagedTakedownView } from './triaged-takedown.view';

/**
 * The manual triage queue: approvers and auditors only (bureau-wide, no jurisdiction); officers
 * have no route here: a triaged batch has no case, so no district officer may see it (BatchScope).
 */
@ApiTags('cases')
@Controller('triage')
export class TriageController {
  constructor(
    @InjectRepository(TriageItem) private readonly items: Repository<TriageItem>,
    @InjectRepository(TakedownReport) private readonly takedowns: Repository<TakedownReport>,
    @InjectRepository(BatchFile) private readonly batches: Repository<BatchFile>,
    private readonly reroute: RerouteCaseUseCase,
    private readonly suggester: TriageSuggester,
  ) {}

  @Get()
  @Policy({ roles: ['approver', 'auditor'] })
  @ApiOperation({
    summary:
      "Failed batches routing could not place (manual triage queue), each with its batch's seller and platform and the district the resolver suggests checking, and why",
  })
  @ApiOkResponse({ type: TriageItemView, isArray: true })
  async listTriage(): Promise<TriageItemView[]> {
    const items = await this.items.find({ order: { createdAt: 'DESC' }, take: 500 });
    const batches = new Map(
      (await this.batches.findBy({ batchNumber: In(items.map((t) => t.batchNumber)) })).map((b) => [
        b.batchNumber,
        b,
      ]),
    );
    return items.map((t) => {
      const batch = batches.get(t.batchNumber) ?? null;
      return TriageItemView.of(t, batch, t.status === 'open' ? this.suggester.suggest(batch) : null);
    });
  }

  @Get('takedowns')
  @Policy({ roles: ['approver', 'auditor'] })
  @ApiOperation({
    summary:
      "Platforms' takedown reports that did not match their batch's order (platform, listing): attached to no case",
  })
  @ApiOkResponse({ type: TriagedTakedownView, isArray: true })
  async listTriagedTakedowns(): Promise<TriagedTakedownView[]> {
    return (
      await this.takedowns.find({
        where: { triageReason: Not(IsNull()) },
        order: { receivedAt: 'DESC' },
        take: 500,
      })
    ).map((t) => TriagedTakedownView.of(t));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: 'Route a triage item by the district a person established, or escalate it' })
  @ApiOkResponse({ type: CaseView })
  @ApiUnprocessableEntityResponse({
    description:
      'no authority could take the case in the district or at the level given (areaCode, escalateTo)',
  })
  @ApiConflictResponse({ description: 'the triage item is already resolved' })
  async resolve(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ResolveTriageCommand,
  ): Promise<CaseView> {
    const result = await this.reroute.resolveTriage(actor, id, command);
    if (result.kind !== 'case') throw new Error('unreachable: resolveTriage returns a case or throws');
    return CaseView.of(result.case);
  }
}
