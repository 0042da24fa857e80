import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import type { PlanRecord } from './plan-record';
import { PLAN_QUEUE_STATUSES, type PlanQueueStatus } from './plan-vocabulary';

interface PlanRow {
  id: string;
  kind: PlanRecord['kind'];
  title: string;
  status: PlanRecord['status'];
  scheme: PlanRecord['scheme'];
  weights: PlanRecord['weights'];
  random_share: string;
  seed: string;
  emergency_trigger: PlanRecord['emergencyTrigger'];
  emergency_evidence: string | null;
  follow_up_of: string | null;
  author: string;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  returned_reason: string | null;
  returned_by: string | null;
  returned_at: Date | null;
  selection: PlanRecord['selection'];
  selected_at: Date | null;
  issued_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
}

const fromRow = (r: PlanRow): PlanRecord => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  status: r.status,
  scheme: r.scheme,
  weights: r.weights,
  randomShare: Number(r.random_share),
  seed: r.seed,
  emergencyTrigger: r.emergency_trigger,
  emergencyEvidence: r.emergency_evidence,
  followUpOf: r.follow_up_of,
  author: r.author,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  returnedReason: r.returned_reason,
  returnedBy: r.returned_by,
  returnedAt: r.returned_at,
  selection: r.selection,
  selectedAt: r.selected_at,
  issuedAt: r.issued_at,
  closedAt: r.closed_at,
  createdAt: r.created_at,
});

/** Plans in PostgreSQL; a state change loads its plan `for update` so two changes never interleave. */
@Injectable()
export class PlanStore {
  async load(manager: EntityManager, id: string, lock = false): Promise<PlanRecord> {
    const rows = (await manager.query(`select * from plan where id = $1${lock ? ' for update' : ''}`, [
      id,
    ])) as PlanRow[];
    if (rows.length === 0) throw notFound('plan', id);
    return fromRow(rows[0]);
  }

  /**
   * A page of plans in the given queue statuses (`returned`: drafts an approver sent back), with the
   * emergency plans awaiting approval first (fast track), then newest first.
   */
  async list(
    manager: EntityManager,
    filter: { statuses?: readonly PlanQueueStatus[]; page: number; pageSize: number },
  ): Promise<{ plans: PlanRecord[]; total: number }> {
    const statuses = filter.statuses && filter.statuses.length > 0 ? [...filter.statuses] : null;
    const rows = (await manager.query(
      `select *, count(*) over () as total from plan
       where $1::text[] is null or status = any ($1::text[])
          or ('returned' = any ($1::text[]) and status = 'draft' and returned_reason is not null)
       order by (kind = 'emergency' and status = 'submitted') desc, created_at desc, id
       limit $2 offset $3`,
      [statuses, filter.pageSize, (filter.page - 1) * filter.pageSize],
    )) as Array<PlanRow & { total: string }>;
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(manager, statuses);
    return { plans: rows.map(fromRow), total };
  }

  private async count(manager: EntityManager, statuses: string[] | null): Promise<number> {
    const rows = (await manager.query(
      `select count(*) as n from plan
       where $1::text[] is null or status = any ($1::text[])
          or ('returned' = any ($1::text[]) and status = 'draft' and returned_reason is not null)`,
      [statuses],
    )) as Array<{ n: string }>;
    return Number(rows[0].n);
  }

  /** Plans per status, and `returned` (drafts sent back, also counted in `draft`): the home queues. */
  async counts(manager: EntityManager): Promise<Record<PlanQueueStatus, number>> {
    const rows = (await manager.query(
      `select status, count(*) as n, count(*) filter (where status = 'draft' and returned_reason is not null) as returned
       from plan group by status`,
    )) as Array<{ status: string; n: string; returned: string }>;
    const counts = Object.fromEntries(PLAN_QUEUE_STATUSES.map((s) => [s, 0])) as Record<
      PlanQueueStatus,
      number
    >;
    for (const r of rows) {
      if ((PLAN_QUEUE_STATUSES as readonly string[]).includes(r.status))
        counts[r.status as PlanQueueStatus] = Number(r.n);
      counts.returned += Number(r.returned);
    }
    return counts;
  }

  async insert(manager: EntityManager, p: PlanRecord): Promise<void> {
    await manager.query(
      `insert into plan (id, kind, title, status, scheme, weights, random_share, seed, emergency_trigger,
                         emergency_evidence, follow_up_of, author, created_at)
       values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13)`,
      [
        p.id,
        p.kind,
        p.title,
        p.status,
        JSON.stringify(p.scheme),
        JSON.stringify(p.weights),
        p.randomShare,
        p.seed,
        p.emergencyTrigger,
        p.emergencyEvidence,
        p.followUpOf,
        p.author,
        p.createdAt,
      ],
    );
  }

  /** Writes the workflow fields of a plan back. */
  async saveState(manager: EntityManager, p: PlanRecord): Promise<void> {
    await manager.query(
      `update plan set status = $2, submitted_at = $3, approved_by = $4, approved_at = $5, returned_reason = $6,
                       selection = $7::jsonb, selected_at = $8, issued_at = $9, closed_at = $10,
                       submitted_by = $11, returned_by = $12, returned_at = $13
       where id = $1`,
      [
        p.id,
        p.status,
        p.submittedAt,
        p.approvedBy,
        p.approvedAt,
        p.returnedReason,
        p.selection ? JSON.stringify(p.selection) : null,
        p.selectedAt,
        p.issuedAt,
        p.closedAt,
        p.submittedBy,
        p.returnedBy,
        p.returnedAt,
      ],
    );
  }
}
