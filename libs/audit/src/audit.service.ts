import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { HeldWrites } from '@qis/persistence';
import {
  And,
  LessThan,
  Like,
  MoreThanOrEqual,
  Raw,
  Repository,
  type EntityManager,
  type FindOperator,
  type FindOptionsWhere,
} from 'typeorm';
import type { AuditActor } from './audit-actor';
import { AuditLogEntry } from './audit-log-entry.entity';
import type { AuditPage } from './audit-page.view';
import type { AuditQuery } from './audit-query.dto';

export interface AuditEvent {
  /** `<entity>.<verb>`: `ops.probe.send`, `evidence.download`, `buyer.identity.read`. */
  action: string;
  entityType: string;
  entityId?: string;
  outcome?: AuditLogEntry['outcome'];
  /** What an auditor needs besides the ids; never secrets, tokens or a buyer's identity. */
  detail?: Record<string, unknown>;
}

/** Writes and reads this service's audit log. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>) {}

  /**
   * Appends one entry. Pass the transaction's `manager` so the entry commits (or rolls back) with
   * the state change it describes; without one it is written on its own.
   */
  async record(by: AuditActor, event: AuditEvent, manager?: EntityManager): Promise<void> {
    const row: Omit<AuditLogEntry, 'id' | 'occurredAt'> = {
      actor: by.actor,
      roles: [...by.roles],
      requestId: by.requestId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      outcome: event.outcome ?? 'success',
      detail: event.detail ?? {},
    };
    // Plain SQL: this runs in every audited transaction, and the query builder costs more than the
    // insert itself (it also reads back the generated columns, which nobody uses here). A
    // transaction that holds writes sends it with its last statement (`HeldWrites`).
    await HeldWrites.write(manager ?? this.entries.manager, {
      sql: `insert into audit_log (actor, roles, request_id, action, entity_type, entity_id, outcome, detail)
            values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      params: [
        row.actor,
        row.roles,
        row.requestId,
        row.action,
        row.entityType,
        row.entityId,
        row.outcome,
        JSON.stringify(row.detail),
      ],
    });
  }

  /** Newest first, a page at a time. */
  async search(query: AuditQuery): Promise<AuditPage> {
    const where: FindOptionsWhere<AuditLogEntry> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.actor) where.actor = query.actor;
    if (query.action)
      where.action = query.action.endsWith('.*') ? Like(`${query.action.slice(0, -1)}%`) : query.action;
    const time: Array<FindOperator<Date>> = [];
    if (query.from) time.push(MoreThanOrEqual(new Date(query.from)));
    if (query.to) time.push(LessThan(new Date(query.to)));
    if (time.length > 0) where.occurredAt = time.length === 1 ? time[0] : And(...time);
    // A batch is the entity itself (batch, purchase task) or is named in the detail (samples, notices, …).
    const batchNumber = query.batchNumber;
    const wheres: Array<FindOptionsWhere<AuditLogEntry>> = [where];
    if (batchNumber) {
      const namedInDetail = Raw((column) => `${column} ->> 'batchNumber' = :batchNumber`, { batchNumber });
      wheres.splice(0, 1, { ...where, detail: namedInDetail });
      if (!query.entityId || query.entityId === batchNumber) wheres.push({ ...where, entityId: batchNumber });
    }
    const [rows, total] = await this.entries.findAndCount({
      where: wheres,
      order: { occurredAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
