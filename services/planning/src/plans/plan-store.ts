import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import type { PlanRecord } from './plan-record';

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
  approved_by: string | null;
  approved_at: Date | null;
  returned_reason: string | null;
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
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  returnedReason: r.returned_reason,
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

  async list(manager: EntityManager, status?: string): Promise<PlanRecord[]> {
    const rows = (await manager.query(
      `select * from plan where ($1::text is null or status = $1) order by created_at desc limit 200`,
      [status ?? null],
    )) as PlanRow[];
    return rows.map(fromRow);
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
                       selection = $7::jsonb, selected_at = $8, issued_at = $9, closed_at = $10
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
      ],
    );
  }
}
