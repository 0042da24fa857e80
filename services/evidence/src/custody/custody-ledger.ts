import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { CustodyEntry } from './custody-entry.entity';
import { entryHash, GENESIS_HASH } from './custody-hash';
import type { ExtractionFacts } from './extraction-facts';

/** Custody actions the ledger records. */
export type CustodyAction =
  | 'upload'
  | 'download'
  | 'view'
  | 'metadata-read'
  | 'hand-over-to-lab'
  | 'hand-back-from-lab'
  | 're-seal'
  | 'seal'
  | 'quarantine-release'
  | 'quarantine-reject'
  | 'retention-change'
  | 'delete'
  | 'delete-refused';

export interface CustodyFact {
  action: CustodyAction;
  subjectType: 'object' | 'sample' | 'parcel';
  subjectId: string;
  batchNumber?: string | null;
  objectSha256?: string | null;
  objectVersionId?: string | null;
  detail?: Record<string, unknown>;
}

/** Serialises appends so each entry links to the one before it. */
const LEDGER_LOCK = 7_103_001;

/** Appends to the hash-chained custody ledger, inside the caller's transaction. */
@Injectable()
export class CustodyLedger {
  async append(
    manager: EntityManager,
    by: AuditActor,
    from: ExtractionFacts,
    fact: CustodyFact,
  ): Promise<CustodyEntry> {
    await manager.query('select pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
    const last = await manager.getRepository(CustodyEntry).find({ order: { seq: 'DESC' }, take: 1 });
    const [{ seq }] = (await manager.query(
      "select nextval(pg_get_serial_sequence('custody_entry', 'seq'))::text as seq",
    )) as Array<{ seq: string }>;
    const entry = {
      seq,
      occurredAt: new Date(),
      action: fact.action,
      subjectType: fact.subjectType,
      subjectId: fact.subjectId,
      batchNumber: fact.batchNumber ?? null,
      objectSha256: fact.objectSha256 ?? null,
      objectVersionId: fact.objectVersionId ?? null,
      actor: by.actor,
      actorRoles: [...by.roles],
      sourceIp: from.sourceIp,
      tool: from.tool,
      detail: fact.detail ?? {},
      prevHash: last[0]?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(entry);
    await manager.query(
      `insert into custody_entry (seq, occurred_at, action, subject_type, subject_id, batch_number, object_sha256,
         object_version_id, actor, actor_roles, source_ip, tool, detail, prev_hash, hash)
       overriding system value values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        entry.seq,
        entry.occurredAt,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.batchNumber,
        entry.objectSha256,
        entry.objectVersionId,
        entry.actor,
        entry.actorRoles,
        entry.sourceIp,
        entry.tool,
        JSON.stringify(entry.detail),
        entry.prevHash,
        hash,
      ],
    );
    return Object.assign(new CustodyEntry(), entry, { hash });
  }
}
