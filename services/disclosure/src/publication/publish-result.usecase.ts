import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { ResultPublished, type ResultFinalValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import { DisclosureConfig } from '../disclosure.config';
import { StatisticsRecorder } from '../statistics/statistics-recorder';
import { PublicationListeners } from './publication-listeners';
import { Publication } from './publication.entity';
import { publishedValue } from './public-result.view';
import { shanghaiDate } from './shanghai-date';

/**
 * Publishes a final result (公示) with exactly the public fields, once per batch: a second final
 * result of a batch changes nothing (an officer corrects through the corrections API instead).
 */
@Injectable()
export class PublishResultUseCase {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly listeners: PublicationListeners,
    private readonly statistics: StatisticsRecorder,
    @Inject(DisclosureConfig) private readonly config: DisclosureConfig,
  ) {}

  async execute(
    manager: EntityManager,
    final: ResultFinalValue,
    messageId: string,
    now = new Date(),
  ): Promise<void> {
    const existing = await manager.findOneBy(Publication, { batchNumber: final.batchNumber, version: 1 });
    if (existing) {
      await this.audit.record(
        SYSTEM_ACTOR,
        {
          action: 'result.publish',
          entityType: 'batch',
          entityId: final.batchNumber,
          outcome: 'failure',
          detail: {
            note: 'already published; a change needs a correction',
            messageId,
            publicResultId: existing.id,
          },
        },
        manager,
      );
      return;
    }
    const resultDate = shanghaiDate(new Date(final.finalAt));
    const publication = manager.create(Publication, {
      id: randomUUID(),
      batchNumber: final.batchNumber,
      version: 1,
      kind: 'result',
      supersedes: null,
      supersededBy: null,
      sellerName: final.seller.name,
      sampleName: final.claimed.sampleName,
      claimedBrand: final.claimed.brand ?? null,
      claimedProducer: final.claimed.producerName ?? null,
      specModel: final.claimed.specModel ?? null,
      productionDate: final.claimed.productionDate ?? null,
      // A passing result has no nonconforming items to publish, whatever the report listed.
      mainNonconformingItems: final.verdict === 'fail' ? final.failingItems : [],
      verdict: final.verdict,
      platform: final.platform?.name ?? null,
      platformName: final.platform?.operatorName ?? null,
      platformCode: final.platform?.code ?? null,
      category: final.category,
      regionCode: final.seller.registeredAreaCode ?? null,
      resultDate,
      month: resultDate.slice(0, 7),
      reason: null,
      sampledBy: final.delegation
        ? `${final.delegation.delegate.name}（受${final.delegation.delegator.name}委托）`
        : this.config.DISCLOSURE_BUREAU_NAME,
      publishedAt: now,
    });
    await manager.insert(Publication, publication);
    await this.statistics.record(manager, final, publication.month);
    const value = publishedValue(publication);
    await this.outbox.publish(manager, [
      { contract: ResultPublished, key: final.batchNumber, value, causationId: messageId },
    ]);
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'result.publish',
        entityType: 'publication',
        entityId: publication.id,
        detail: { batchNumber: final.batchNumber, verdict: final.verdict, messageId },
      },
      manager,
    );
    await this.listeners.notify(manager, {
      kind: 'result',
      batchNumber: final.batchNumber,
      platformCode: publication.platformCode,
      value,
    });
  }
}
