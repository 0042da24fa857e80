import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanningConfig } from '../planning.config';
import { PlanStore } from '../plans/plan-store';
import { areaName, isKnownAreaCode } from '../shared/area-codes';
import { conflict, ErrorCode, shanghaiDate, unprocessable } from '@qis/domain';
import { DelegationEvents } from './delegation-events';
import type { DelegationRecord } from './delegation-record';
import { DelegationStore } from './delegation-store';
import type { RecordDelegationCommand } from './record-delegation.command';

const BUREAU = '市场监督管理局';

/**
 * The city bureau delegates one plan or one batch to a district bureau of the city (operating
 * rules: "依照'一事一委托'原则委托下级局具体实施抽检"). One matter, one delegation: while one is in
 * force (not revoked, not past its last day) for the plan, or for the batch or its plan, another is
 * refused (409). Every batch covered gets `planning.sampling-delegated`, in the same transaction.
 */
@Injectable()
export class RecordDelegationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly store: DelegationStore,
    private readonly events: DelegationEvents,
    private readonly audit: AuditService,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(command: RecordDelegationCommand, actor: AuditActor): Promise<DelegationRecord> {
    if (command.planId !== undefined && command.batchNumber !== undefined)
      throw unprocessable('batchNumber', 'give planId or batchNumber, not both: one matter, one delegation');
    const now = new Date();
    const today = shanghaiDate(now);
    const validFrom = command.validFrom ?? today;
    if (command.validUntil < validFrom)
      throw unprocessable('validUntil', `must not be before validFrom (${validFrom})`);
    if (command.validUntil < today) throw unprocessable('validUntil', `${command.validUntil} has passed`);
    if (!command.acts.includes('sampling'))
      throw unprocessable('acts', 'sampling is the act delegated: it must be one of the acts');
    const delegate = this.delegate(command.delegateAreaCode);
    const city = this.config.PLANNING_BUREAU_AREA_CODE;

    return this.dataSource.transaction(async (manager) => {
      const planId = command.batchNumber ? await this.planOf(manager, command.batchNumber) : command.planId!;
      // The plan's lock serialises every delegation of the plan and of its batches.
      const plan = await this.plans.load(manager, planId, true);
      if (plan.status === 'closed')
        throw conflict(`plan ${planId} is closed: nothing of it is left to delegate`, ErrorCode.planState);
      const batchNumber = command.batchNumber ?? null;
      const [held] = await this.store.activeOverlapping(manager, planId, batchNumber, today);
      if (held) {
        const what = batchNumber ? `batch ${batchNumber}` : `plan ${planId}`;
        const by = held.matter === 'plan' ? `its plan ${held.planId}` : `batch ${held.batchNumber ?? ''}`;
        throw conflict(
          `one matter, one delegation (一事一委托): ${what} is already covered by delegation ${held.id} ` +
            `of ${by} to ${held.delegate.name} (${held.reference}) until ${held.validUntil}; revoke it first`,
          ErrorCode.oneMatterOneDelegation,
          { rule: 'one-matter-one-delegation', delegationId: held.id },
        );
      }
      const record: Omit<DelegationRecord, 'batches'> = {
        id: randomUUID(),
        matter: batchNumber ? 'batch' : 'plan',
        planId,
        batchNumber,
        delegate,
        delegator: { areaCode: city, name: `${areaName(city) ?? ''}${BUREAU}` },
        reference: command.reference,
        acts: command.acts,
        validFrom,
        validUntil: command.validUntil,
        reason: command.reason,
        recordedBy: actor.actor,
        recordedAt: now,
        revokedBy: null,
        revokedAt: null,
        revocationReason: null,
      };
      await this.store.insert(manager, record);
      const saved = await this.store.load(manager, record.id);
      await this.events.publish(manager, saved, saved.batches);
      await this.audit.record(
        actor,
        {
          action: 'delegation.record',
          entityType: 'delegation',
          entityId: saved.id,
          detail: {
            matter: saved.matter,
            planId,
            ...(batchNumber ? { batchNumber } : {}),
            delegate: saved.delegate,
            reference: saved.reference,
            acts: saved.acts,
            validFrom,
            validUntil: saved.validUntil,
            batches: saved.batches.length,
          },
        },
        manager,
      );
      return saved;
    });
  }

  /** A district (county-level area) of the bureau's own city, by its name in GB/T 2260. */
  private delegate(areaCode: string): { areaCode: string; name: string } {
    const city = this.config.PLANNING_BUREAU_AREA_CODE;
    const name = areaName(areaCode);
    if (
      !isKnownAreaCode(areaCode) ||
      !name ||
      areaCode.endsWith('00') ||
      !areaCode.startsWith(city.slice(0, 4))
    )
      throw unprocessable(
        'delegateAreaCode',
        `${areaCode} is not a district (county-level area) of the city ${city}: the city bureau delegates to its own district bureaus`,
      );
    return { areaCode, name: `${areaName(city) ?? ''}${name}${BUREAU}` };
  }

  private async planOf(manager: EntityManager, batchNumber: string): Promise<string> {
    const rows = (await manager.query('select plan_id from batch where batch_number = $1', [
      batchNumber,
    ])) as Array<{
      plan_id: string;
    }>;
    if (rows.length === 0) throw notFound('batch', batchNumber);
    return rows[0].plan_id;
  }
}
