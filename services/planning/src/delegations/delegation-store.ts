import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import type { DelegatedAct, DelegationMatter } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { delegationState, type DelegationRecord, type DelegationState } from './delegation-record';

interface DelegationRow {
  id: string;
  matter: DelegationMatter;
  plan_id: string;
  batch_number: string | null;
  delegate_area_code: string;
  delegate_name: string;
  delegator_area_code: string;
  delegator_name: string;
  reference: string;
  acts: DelegatedAct[];
  valid_from: string;
  valid_until: string;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
  revoked_by: string | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
  batches: string[];
}

// Dates as text: a `date` column would come back as a JavaScript Date at local midnight.
const SELECT = `
  select d.id, d.matter, d.plan_id, d.batch_number, d.delegate_area_code, d.delegate_name,
         d.delegator_area_code, d.delegator_name, d.reference, d.acts,
         to_char(d.valid_from, 'YYYY-MM-DD') as valid_from, to_char(d.valid_until, 'YYYY-MM-DD') as valid_until,
         d.reason, d.recorded_by, d.recorded_at, d.revoked_by, d.revoked_at, d.revocation_reason,
         case when d.matter = 'batch' then array[d.batch_number]
              else coalesce((select array_agg(b.batch_number order by b.batch_number) from batch b
                             where b.plan_id = d.plan_id), '{}') end as batches
  from sampling_delegation d`;

const fromRow = (r: DelegationRow): DelegationRecord => ({
  id: r.id,
  matter: r.matter,
  planId: r.plan_id,
  batchNumber: r.batch_number,
  delegate: { areaCode: r.delegate_area_code, name: r.delegate_name },
  delegator: { areaCode: r.delegator_area_code, name: r.delegator_name },
  reference: r.reference,
  acts: r.acts,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  reason: r.reason,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  revokedBy: r.revoked_by,
  revokedAt: r.revoked_at,
  revocationReason: r.revocation_reason,
  batches: r.batches,
});

/** Delegations of sampling in PostgreSQL; writers hold the plan's row lock (one matter, one delegation). */
@Injectable()
export class DelegationStore {
  async load(manager: EntityManager, id: string): Promise<DelegationRecord> {
    const rows = (await manager.query(`${SELECT} where d.id = $1`, [id])) as DelegationRow[];
    if (rows.length === 0) throw notFound('delegation', id);
    return fromRow(rows[0]);
  }

  /**
   * The delegations of a plan not revoked and not past their last day that would cover the same
   * matter: any for a plan delegation; the plan's own or the batch's for a batch delegation.
   */
  async activeOverlapping(
    manager: EntityManager,
    planId: string,
    batchNumber: string | null,
    today: string,
  ): Promise<DelegationRecord[]> {
    const rows = (await manager.query(
      `${SELECT} where d.plan_id = $1 and d.revoked_at is null and d.valid_until >= $2::date
         and ($3::text is null or d.matter = 'plan' or d.batch_number = $3)
       order by d.recorded_at`,
      [planId, today, batchNumber],
    )) as DelegationRow[];
    return rows.map(fromRow);
  }

  async list(
    manager: EntityManager,
    filter: { planId?: string; batchNumber?: string; state?: DelegationState },
    today: string,
  ): Promise<DelegationRecord[]> {
    const rows = (await manager.query(
      `${SELECT}
       where ($1::uuid is null or d.plan_id = $1)
         and ($2::text is null or d.batch_number = $2
              or (d.matter = 'plan' and d.plan_id = (select plan_id from batch where batch_number = $2)))
       order by d.recorded_at desc
       limit 500`,
      [filter.planId ?? null, filter.batchNumber ?? null],
    )) as DelegationRow[];
    return rows.map(fromRow).filter((d) => !filter.state || delegationState(d, today) === filter.state);
  }

  async insert(manager: EntityManager, d: Omit<DelegationRecord, 'batches'>): Promise<void> {
    await manager.query(
      `insert into sampling_delegation (id, matter, plan_id, batch_number, delegate_area_code, delegate_name,
         delegator_area_code, delegator_name, reference, acts, valid_from, valid_until, reason, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11::date, $12::date, $13, $14, $15)`,
      [
        d.id,
        d.matter,
        d.planId,
        d.batchNumber,
        d.delegate.areaCode,
        d.delegate.name,
        d.delegator.areaCode,
        d.delegator.name,
        d.reference,
        d.acts,
        d.validFrom,
        d.validUntil,
        d.reason,
        d.recordedBy,
        d.recordedAt,
      ],
    );
  }

  async revoke(manager: EntityManager, id: string, by: string, at: Date, reason: string): Promise<void> {
    await manager.query(
      `update sampling_delegation set revoked_by = $2, revoked_at = $3, revocation_reason = $4 where id = $1`,
      [id, by, at, reason],
    );
  }
}
