import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@qis/domain';
import { authorizeRead } from '../access/authorize-read';
import { BatchJurisdictions } from '../access/batch-jurisdictions';
import { seesSubjects } from '../access/evidence-policy';
import { Pseudonyms } from '../access/pseudonyms';
import { CustodyEntry } from '../custody/custody-entry.entity';
import type { CustodyTrail } from '../custody/custody-trail.view';
import { loadObject } from './load-object';

const TRAIL_LIMIT = 1_000;

/**
 * The custody ledger's entries of one object, oldest first, under the object's read policy (404 as
 * for an unknown id when the caller may not read it; `purpose` for kinds that show the buyer).
 * Buyers appear by pseudonym for everyone but admins. The read is audited (`evidence.custody.read`).
 */
@Injectable()
export class ReadCustodyTrailUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jurisdictions: BatchJurisdictions,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async execute(
    principal: Principal,
    by: AuditActor,
    id: string,
    purpose: string | undefined,
  ): Promise<CustodyTrail> {
    return this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id);
      try {
        authorizeRead(
          principal,
          object,
          await this.jurisdictions.of(manager, object.batchNumber),
          purpose,
          false,
        );
      } catch (refusal) {
        await this.audit.record(by, {
          action: 'evidence.custody.read',
          entityType: 'evidence-object',
          entityId: id,
          outcome: 'failure',
          detail: {
            kind: object.kind,
            refused:
              refusal instanceof DomainError && refusal.code === ErrorCode.purposeRequired
                ? 'no purpose'
                : 'kind',
          },
        });
        throw refusal;
      }
      const entries = await manager.find(CustodyEntry, {
        where: { subjectType: 'object', subjectId: id },
        order: { seq: 'ASC' },
        take: TRAIL_LIMIT,
      });
      await this.audit.record(
        by,
        {
          action: 'evidence.custody.read',
          entityType: 'evidence-object',
          entityId: id,
          detail: { kind: object.kind, entries: entries.length, ...(purpose ? { purpose } : {}) },
        },
        manager,
      );
      const subjects = seesSubjects(principal);
      return {
        objectId: object.id,
        batchNumber: object.batchNumber,
        entries: entries.map((e) => ({
          seq: String(e.seq),
          occurredAt: e.occurredAt.toISOString(),
          action: e.action,
          actor: subjects || !e.actorRoles.includes('buyer') ? e.actor : this.pseudonyms.of(e.actor),
          actorRoles: e.actorRoles,
          tool: e.tool,
          objectSha256: e.objectSha256,
          objectVersionId: e.objectVersionId,
          purpose: typeof e.detail['purpose'] === 'string' ? e.detail['purpose'] : null,
          hash: e.hash,
        })),
      };
    });
  }
}
