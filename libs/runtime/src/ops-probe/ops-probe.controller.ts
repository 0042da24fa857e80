import { randomUUID } from 'node:crypto';
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Topics } from '@qis/contracts';
import { KafkaPublisher, prefixedTopic } from '@qis/messaging';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Repository } from 'typeorm';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service-definition';
import { OpsProbeReceipt } from './ops-probe-receipt.entity';
import { ProbeMessage, ProbeReceiptView } from './probe.message';

/**
 * Operators' end-to-end check of the event path: POST sends a probe through Kafka; every service
 * consumes it and records a receipt in its own database; GET on any service shows its receipt.
 */
@ApiTags('ops')
@Controller('ops/probes')
export class OpsProbeController {
  private readonly logger = new Logger(OpsProbeController.name);

  constructor(
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
    @InjectRepository(OpsProbeReceipt) private readonly receipts: Repository<OpsProbeReceipt>,
    private readonly publisher: KafkaPublisher,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a probe event to every service through Kafka' })
  @ApiAcceptedResponse({ type: ProbeMessage })
  async send(): Promise<ProbeMessage> {
    const probe: ProbeMessage = {
      probeId: randomUUID(),
      from: this.def.name,
      sentAt: new Date().toISOString(),
    };
    await this.publisher.publish([
      {
        topic: prefixedTopic(Topics.OpsProbe),
        key: probe.probeId,
        value: probe,
        headers: {
          'message-id': probe.probeId,
          type: 'ops.probe',
          version: '1',
          producer: this.def.name,
          'occurred-at': probe.sentAt,
        },
      },
    ]);
    return probe;
  }

  @Get(':probeId')
  @ApiOperation({ summary: "This service's receipt of a probe" })
  @ApiOkResponse({ type: ProbeReceiptView })
  @ApiNotFoundResponse({ description: 'not received (yet)' })
  async receipt(
    @Param('probeId', new ParseUUIDPipe({ version: '4' })) probeId: string,
  ): Promise<ProbeReceiptView> {
    const found = await this.receipts.findOneBy({ probeId });
    if (!found)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `probe ${probeId} not received by ${this.def.name}`,
      });
    return {
      probeId: found.probeId,
      from: found.fromService,
      receivedBy: this.def.name,
      sentAt: found.sentAt.toISOString(),
      receivedAt: found.receivedAt.toISOString(),
    };
  }

  @EventPattern(prefixedTopic(Topics.OpsProbe))
  async onProbe(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const probe = plainToInstance(ProbeMessage, payload);
    const errors = validateSync(probe ?? {});
    if (payload === null || typeof payload !== 'object' || errors.length > 0) {
      this.logger.warn(
        { topic: context.getTopic(), offset: context.getMessage().offset },
        'ignored a malformed probe',
      );
      return;
    }
    await this.receipts
      .createQueryBuilder()
      .insert()
      .values({ probeId: probe.probeId, fromService: probe.from, sentAt: new Date(probe.sentAt) })
      .orIgnore()
      .execute();
  }
}
