import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { EvidenceConfig } from '../evidence.config';

const MIB = 1024 * 1024;

/**
 * Per-uploader quotas on what may be announced: bytes in flight (announced, not yet finalized, in
 * the staging window) and bytes per 24 hours (whatever became of them). Checked and reserved under
 * a per-uploader advisory lock, so two uploads started at once cannot both slip under a limit.
 */
@Injectable()
export class UploadQuota {
  constructor(
    private readonly audit: AuditService,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  async reserve(manager: EntityManager, by: AuditActor, size: number): Promise<void> {
    await manager.query(`select pg_advisory_xact_lock(hashtext('evidence-upload-quota'), hashtext($1))`, [
      by.actor,
    ]);
    const days = this.config.EVIDENCE_STAGING_EXPIRY_DAYS;
    const [usage] = (await manager.query(
      `select coalesce(sum(declared_size) filter (where status = 'pending'), 0)::bigint as in_flight,
              coalesce(sum(declared_size) filter (where created_at > now() - interval '24 hours'), 0)::bigint as today
         from evidence_object
        where uploader = $1 and created_at > now() - make_interval(days => $2::int)`,
      [by.actor, days],
    )) as Array<{ in_flight: string; today: string }>;
    const limits = [
      {
        name: 'EVIDENCE_QUOTA_IN_FLIGHT_MB',
        what: 'bytes announced and not yet finalized',
        used: Number(usage.in_flight),
        limit: this.config.EVIDENCE_QUOTA_IN_FLIGHT_MB * MIB,
      },
      {
        name: 'EVIDENCE_QUOTA_DAILY_MB',
        what: 'bytes announced in the last 24 hours',
        used: Number(usage.today),
        limit: this.config.EVIDENCE_QUOTA_DAILY_MB * MIB,
      },
    ];
    const over = limits.find((l) => l.used + size > l.limit);
    if (!over) return;
    const reason =
      `over the uploader quota ${over.name}: ${over.what} would be ${over.used + size} bytes, ` +
      `the limit is ${over.limit} (${over.used} in use)`;
    await this.audit.record(by, {
      action: 'evidence.upload.start',
      entityType: 'evidence-object',
      outcome: 'failure',
      detail: { refused: 'quota', quota: over.name, size, used: over.used, limit: over.limit },
    });
    throw new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: reason,
        errors: [{ field: 'size', reasons: [reason] }],
        quota: { name: over.name, limitBytes: over.limit, usedBytes: over.used, requestedBytes: size },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
