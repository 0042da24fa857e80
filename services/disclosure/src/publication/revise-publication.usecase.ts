import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { jurisdictionCovers, notFound, type Principal } from '@qis/auth';
import { ResultPublished } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { DisclosureConfig } from '../disclosure.config';
import { conflict, forbidden, unprocessable } from '@qis/domain';
import type { CorrectPublicationCommand } from './correct-publication.command';
import { PublicationListeners } from './publication-listeners';
import { Publication } from './publication.entity';
import { PublicResultView, publishedValue } from './public-result.view';
import { RegionDirectory } from '../dimensions/region-directory';
import { StatisticsRecorder } from '../statistics/statistics-recorder';
import type { WithdrawPublicationCommand } from './withdraw-publication.command';

/** The public fields a correction may change. */
const CORRECTABLE = [
  'sellerName',
  'sampleName',
  'claimedBrand',
  'claimedProducer',
  'specModel',
  'productionDate',
  'mainNonconformingItems',
  'verdict',
  'platformName',
] as const satisfies ReadonlyArray<keyof CorrectPublicationCommand & keyof Publication>;

/**
 * Corrections (更正) and withdrawals (撤回) of a published result, by an officer of the sampling
 * bureau: each is a new version that supersedes the current one, published with its reason; the
 * earlier versions stay readable. Audited; emits result-published.
 */
@Injectable()
export class RevisePublicationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly listeners: PublicationListeners,
    private readonly regions: RegionDirectory,
    private readonly config: DisclosureConfig,
    private readonly statistics: StatisticsRecorder,
  ) {}

  async correct(
    actor: AuditActor,
    principal: Principal,
    id: string,
    command: CorrectPublicationCommand,
  ): Promise<PublicResultView> {
    return this.revise(actor, principal, id, 'correction', command.reason, (current) => {
      const next: Partial<Publication> = {};
      for (const field of CORRECTABLE) {
        const value = command[field];
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[field])) {
          Object.assign(next, { [field]: value });
        }
      }
      const verdict = next.verdict ?? current.verdict;
      // A pass publishes no nonconforming items; a fail names at least one.
      if (verdict === 'pass') {
        if ((command.mainNonconformingItems ?? []).length > 0)
          throw unprocessable('mainNonconformingItems', 'must be empty when the verdict is pass');
        if (current.mainNonconformingItems.length > 0) next.mainNonconformingItems = [];
      } else if ((next.mainNonconformingItems ?? current.mainNonconformingItems).length === 0) {
        throw unprocessable(
          'mainNonconformingItems',
          'a failing result names at least one nonconforming item',
        );
      }
      if (Object.keys(next).length === 0)
        throw unprocessable('reason', 'the correction changes no published field');
      return next;
    });
  }

  async withdraw(
    actor: AuditActor,
    principal: Principal,
    id: string,
    command: WithdrawPublicationCommand,
  ): Promise<PublicResultView> {
    return this.revise(actor, principal, id, 'withdrawal', command.reason, () => ({}));
  }

  private async revise(
    actor: AuditActor,
    principal: Principal,
    id: string,
    kind: 'correction' | 'withdrawal',
    reason: string,
    changes: (current: Publication) => Partial<Publication>,
  ): Promise<PublicResultView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Publication, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('publication', id);
      this.assertMayRevise(principal);
      if (current.supersededBy)
        throw conflict(
          `publication ${id} was superseded by ${current.supersededBy}: revise the current version`,
        );
      if (current.kind === 'withdrawal')
        throw conflict(`publication ${id} is a withdrawal: nothing to revise`);
      const changed = changes(current);
      const now = new Date();
      const next = manager.create(Publication, {
        ...current,
        ...changed,
        id: randomUUID(),
        version: current.version + 1,
        kind,
        supersedes: current.id,
        supersededBy: null,
        reason,
        publishedAt: now,
      });
      await manager.insert(Publication, next);
      await manager.update(Publication, { id: current.id }, { supersededBy: next.id });
      // A corrected verdict moves the result between pass and fail; a withdrawn one stops counting.
      await this.statistics.revise(manager, current.batchNumber, next.verdict, kind !== 'withdrawal');
      const value = publishedValue(next);
      await this.outbox.publish(manager, [{ contract: ResultPublished, key: current.batchNumber, value }]);
      await this.audit.record(
        actor,
        {
          action: `publication.${kind}`,
          entityType: 'publication',
          entityId: next.id,
          detail: {
            supersedes: current.id,
            batchNumber: current.batchNumber,
            reason,
            changed: Object.fromEntries(
              Object.entries(changed).map(([field, to]) => [
                field,
                { from: current[field as keyof Publication], to },
              ]),
            ),
          },
        },
        manager,
      );
      await this.listeners.notify(manager, {
        kind,
        batchNumber: current.batchNumber,
        platformCode: current.platformCode,
        value,
      });
      return PublicResultView.of(next, this.regions);
    });
  }

  /** The bureau's disclosure officers, admins, and officers whose jurisdiction covers the sampling bureau's area. */
  private assertMayRevise(principal: Principal): void {
    if (principal.roles.includes('admin') || principal.roles.includes('disclosure-officer')) return;
    const bureau = this.config.DISCLOSURE_BUREAU_AREA_CODE;
    if (principal.jurisdiction && jurisdictionCovers(principal.jurisdiction, bureau)) return;
    throw forbidden(
      `only officers whose jurisdiction covers the sampling bureau (${bureau}) may correct or withdraw its publications`,
    );
  }
}
