import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { Repository } from 'typeorm';
import { CaseView } from './case.view';
import { RerouteCaseUseCase } from './reroute-case.usecase';
import { ResolveTriageCommand } from './resolve-triage.command';
import { TriageItem } from './triage-item.entity';
import { TriageItemView } from './triage-item.view';

@ApiTags('cases')
@Controller('triage')
export class TriageController {
  constructor(
    @InjectRepository(TriageItem) private readonly items: Repository<TriageItem>,
    private readonly reroute: RerouteCaseUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['approver', 'auditor'] })
  @ApiOperation({ summary: 'Failed batches routing could not place (manual triage queue)' })
  @ApiOkResponse({ type: TriageItemView, isArray: true })
  async listTriage(): Promise<TriageItemView[]> {
    return (await this.items.find({ order: { createdAt: 'DESC' }, take: 500 })).map((t) =>
      TriageItemView.of(t),
    );
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: 'Route a triage item by the district a person established, or escalate it' })
  @ApiOkResponse({ type: CaseView })
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
