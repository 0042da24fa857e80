import { Injectable } from '@nestjs/common';
import type { DelegatedAct, SamplingDelegation } from '@qis/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { SamplingDelegationRecord } from './sampling-delegation.entity';

/** The acts that open a batch's enforcement routes to the delegated district. */
const ENFORCEMENT_ACTS: readonly DelegatedAct[] = ['notices', 'objections'];

/**
 * Which delegation of sampling covers a batch at an instant: recorded by then, not revoked by then,
 * and the day (Asia/Shanghai) within its validity. The same instant always gives the same answer,
 * so a notice rendered again names the delegation it was issued under.
 */
@Injectable()
export class DelegationBook {
  constructor(private readonly dataSource: DataSource) {}

  async inEffect(
    batchNumbers: readonly string[],
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, SamplingDelegationRecord>> {
    const found = new Map<string, SamplingDelegationRecord>();
    if (batchNumbers.length === 0) return found;
    const rows = await manager
      .createQueryBuilder(SamplingDelegationRecord, 'd')
      .where('d.batch_number = any(:batches)', { batches: [...new Set(batchNumbers)] })
      .andWhere('d.recorded_at <= :at', { at })
      .andWhere('(d.revoked_at is null or d.revoked_at > :at)', { at })
      .andWhere(
        `(cast(:at as timestamptz) at time zone 'Asia/Shanghai')::date between d.valid_from and d.valid_until`,
        {
          at,
        },
      )
      .orderBy('d.recorded_at', 'DESC')
      .getMany();
    for (const row of rows) if (!found.has(row.batchNumber)) found.set(row.batchNumber, row);
    return found;
  }

  /** The district each batch is delegated to for its notices or objections at `at`. */
  async delegatedAreas(
    batchNumbers: readonly string[],
    at: Date,
    manager?: EntityManager,
  ): Promise<Map<string, string>> {
    const areas = new Map<string, string>();
    for (const [batch, d] of await this.inEffect(batchNumbers, at, manager))
      if (d.acts.some((act) => ENFORCEMENT_ACTS.includes(act))) areas.set(batch, d.delegateAreaCode);
    return areas;
  }
}

/** The delegation as the contracts carry it (result-final: who sampled). */
export const samplingDelegationFacts = (d: SamplingDelegationRecord): SamplingDelegation => ({
  delegate: { areaCode: d.delegateAreaCode, name: d.delegateName },
  delegator: { areaCode: d.delegatorAreaCode, name: d.delegatorName },
  reference: d.reference,
});

/** The line a notice carries when a district sampled on the city's delegation. */
export const delegationLine = (d: SamplingDelegationRecord): string =>
  `抽样实施单位：${d.delegateName}（受${d.delegatorName}委托，委托书编号：${d.reference}）`;
