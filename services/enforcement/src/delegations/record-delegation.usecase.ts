import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { SamplingDelegatedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { CaseRouter } from '../routing/case-router';
import { SamplingDelegationRecord } from './sampling-delegation.entity';

/**
 * Files a delegation of sampling for one batch (`planning.sampling-delegated`): a revision above the
 * one held replaces it, an older or repeated one changes nothing. Only the home bureau delegates,
 * and only to a district of its own city: anything else is kept out and audited as refused.
 */
@Injectable()
export class RecordDelegationUseCase {
  constructor(
    private readonly router: CaseRouter,
    private readonly audit: AuditService,
  ) {}

  async execute(manager: EntityManager, value: SamplingDelegatedValue, messageId: string): Promise<void> {
    const home = this.router.homeAreaCode;
    const foreign =
      value.delegator.areaCode !== home
        ? `delegator ${value.delegator.areaCode} is not this bureau (${home})`
        : !value.delegate.areaCode.startsWith(home.slice(0, 4)) || value.delegate.areaCode === home
          ? `delegate ${value.delegate.areaCode} is not a district of ${home}`
          : null;
    const held = await manager.findOneBy(SamplingDelegationRecord, {
      delegationId: value.delegationId,
      batchNumber: value.batchNumber,
    });
    const note =
      foreign ??
      (held && held.revision >= value.revision ? `revision ${held.revision} already held` : 'filed');
    if (note === 'filed')
      await manager.save(SamplingDelegationRecord, {
        delegationId: value.delegationId,
        batchNumber: value.batchNumber,
        revision: value.revision,
        status: value.status,
        planId: value.planId,
        matter: value.matter,
        delegateAreaCode: value.delegate.areaCode,
        delegateName: value.delegate.name,
        delegatorAreaCode: value.delegator.areaCode,
        delegatorName: value.delegator.name,
        reference: value.reference,
        acts: value.acts,
        validFrom: value.validFrom,
        validUntil: value.validUntil,
        recordedAt: new Date(value.recordedAt),
        revokedAt: value.revokedAt ? new Date(value.revokedAt) : null,
      });
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: `batch.delegation-${value.status === 'revoked' ? 'revoked' : 'recorded'}`,
        entityType: 'batch',
        entityId: value.batchNumber,
        outcome: foreign ? 'denied' : 'success',
        detail: {
          note,
          messageId,
          delegationId: value.delegationId,
          revision: value.revision,
          delegate: value.delegate,
          reference: value.reference,
        },
      },
      manager,
    );
  }
}
