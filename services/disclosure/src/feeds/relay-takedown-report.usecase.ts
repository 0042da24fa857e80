import { Injectable } from '@nestjs/common';
import { AuditService } from '@qis/audit';
import {
  platformOfTakedownTopic,
  TakedownReported,
  type PlatformTakedownReportValue,
  type TakedownReportedValue,
} from '@qis/contracts';
import { OutboxPublisher, type EventContext } from '@qis/messaging';

/**
 * Forwards a platform's takedown report to enforcement as platform.takedown-reported.v1. The
 * platform is the topic's — only that platform's credential may write there — never a claim of
 * the body (the report contract has no platform field, so a body naming one is dead-lettered).
 */
@Injectable()
export class RelayTakedownReportUseCase {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  async execute(report: PlatformTakedownReportValue, context: EventContext): Promise<void> {
    const platform = platformOfTakedownTopic(context.topic);
    if (!platform) throw new Error(`${context.topic} is not a platform takedown topic`);
    const value: TakedownReportedValue = { ...report, platform };
    await this.outbox.publish(context.manager, [
      { contract: TakedownReported, key: report.batchNumber, value, causationId: context.messageId },
    ]);
    await this.audit.record(
      { actor: `platform:${platform}`, roles: ['platform'] },
      {
        action: 'takedown.relay',
        entityType: 'batch',
        entityId: report.batchNumber,
        detail: {
          platform,
          listingId: report.listingId,
          action: report.action,
          messageId: context.messageId,
        },
      },
      context.manager,
    );
  }
}
