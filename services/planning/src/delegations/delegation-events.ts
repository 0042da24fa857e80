import { Injectable } from '@nestjs/common';
import { SamplingDelegated, type SamplingDelegatedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import type { DelegationRecord } from './delegation-record';
import { DelegationStore } from './delegation-store';

/** `planning.sampling-delegated` for each batch a delegation covers, through the outbox. */
@Injectable()
export class DelegationEvents {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly store: DelegationStore,
  ) {}

  async publish(manager: EntityManager, d: DelegationRecord, batchNumbers: readonly string[]): Promise<void> {
    if (batchNumbers.length === 0) return;
    await this.outbox.publish(
      manager,
      batchNumbers.map((batchNumber) => ({
        contract: SamplingDelegated,
        key: batchNumber,
        value: this.value(d, batchNumber),
      })),
    );
  }

  /** Batches just issued from a plan whose delegation is in force get the delegation too. */
  async forIssuedBatches(
    manager: EntityManager,
    planId: string,
    batchNumbers: readonly string[],
    today: string,
  ): Promise<void> {
    const plan = (await this.store.activeOverlapping(manager, planId, null, today)).find(
      (d) => d.matter === 'plan',
    );
    if (plan) await this.publish(manager, plan, batchNumbers);
  }

  private value(d: DelegationRecord, batchNumber: string): SamplingDelegatedValue {
    return {
      delegationId: d.id,
      revision: d.revokedAt ? 2 : 1,
      status: d.revokedAt ? 'revoked' : 'active',
      batchNumber,
      planId: d.planId,
      matter: d.matter,
      delegate: d.delegate,
      delegator: d.delegator,
      reference: d.reference,
      acts: d.acts,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      reason: d.reason,
      recordedAt: d.recordedAt.toISOString(),
      ...(d.revokedAt && d.revocationReason
        ? { revokedAt: d.revokedAt.toISOString(), revocationReason: d.revocationReason }
        : {}),
    };
  }
}
