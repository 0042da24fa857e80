import { randomUUID } from 'node:crypto';
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, Repository } from 'typeorm';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service-definition';
import { OpsProbeReceipt } from './ops-probe-receipt.entity';
import { OpsProbeContract } from './ops-probe.contract';
import { ProbeMessage, ProbeReceiptView } from './probe.message';

/**
 * Operators' end-to-end check of the event path: POST stores a probe in the outbox; the relay
 * publishes it; every service consumes it through its inbox and records a receipt in its own
 * database; GET on any service shows its receipt.
 */
@ApiTags('ops')
@Controller('ops/probes')
export class OpsProbeController {
  constructor(
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
    @InjectRepository(OpsProbeReceipt) private readonly receipts: Repository<OpsProbeReceipt>,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Policy({ roles: ['admin'] })
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a probe event to every service through the outbox and Kafka' })
  @ApiAcceptedResponse({ type: ProbeMessage })
  async send(@CurrentActor() actor: AuditActor): Promise<ProbeMessage> {
    const probe: ProbeMessage = {
      probeId: randomUUID(),
      from: this.def.name,
      sentAt: new Date().toISOString(),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.outbox.publish(manager, [{ contract: OpsProbeContract, key: probe.probeId, value: probe }]);
      await this.audit.record(
        actor,
        { action: 'ops.probe.send', entityType: 'ops-probe', entityId: probe.probeId },
        manager,
      );
    });
    return probe;
  }

  @Get(':probeId')
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: "This service's receipt of a probe" })
  @ApiOkResponse({ type: ProbeReceiptView })
  @ApiNotFoundResponse({ description: 'not received (yet)' })
  async receipt(
    @Param('probeId', new ParseUUIDPipe({ version: '4' })) probeId: string,
  ): Promise<ProbeReceiptView> {
    const found = await this.receipts.findOneBy({ probeId });
    if (!found) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `probe ${probeId} not received by ${this.def.name}`,
      });
    }
    return {
      probeId: found.probeId,
      from: found.fromService,
      receivedBy: this.def.name,
      sentAt: found.sentAt.toISOString(),
      receivedAt: found.receivedAt.toISOString(),
    };
  }
}
