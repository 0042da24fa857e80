import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { RiskWarningDecidedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Puts enforcement's decision on a risk warning on the public page: an issued warning appears, a
 * withdrawn one is taken down and keeps its reason. A revision at or below the one held changes
 * nothing, so a redelivered or late event has no second effect.
 */
@Injectable()
export class PublishRiskWarningUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(
    manager: EntityManager,
    decided: RiskWarningDecidedValue,
    messageId: string,
    now = new Date(),
  ): Promise<boolean> {
    const applied = (await manager.query(
      `insert into public_risk_warning (id, batch_number, revision, status, report_number, title, sample_name,
              brand, spec_model, producer_name, producer_uscc, seller_name, platform_name, failing_items, risk,
              advice, issued_by, issued_at, withdrawn_at, withdrawal_reason, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18, $19, $20, $21)
       on conflict (id) do update set
              revision = excluded.revision, status = excluded.status, title = excluded.title,
              risk = excluded.risk, advice = excluded.advice, failing_items = excluded.failing_items,
              issued_at = excluded.issued_at, withdrawn_at = excluded.withdrawn_at,
              withdrawal_reason = excluded.withdrawal_reason, updated_at = excluded.updated_at
        where public_risk_warning.revision < excluded.revision
       returning id`,
      [
        decided.warningId,
        decided.batchNumber,
        decided.revision,
        decided.status,
        decided.reportNumber,
        decided.title,
        decided.sampleName,
        decided.brand ?? null,
        decided.specModel ?? null,
        decided.producerName ?? null,
        decided.producerUnifiedSocialCreditCode ?? null,
        decided.sellerName,
        decided.platformName ?? null,
        JSON.stringify(decided.failingItems),
        decided.risk,
        decided.advice,
        decided.issuedBy,
        decided.issuedAt,
        decided.withdrawnAt ?? null,
        decided.withdrawalReason ?? null,
        now,
      ],
    )) as Array<{ id: string }>;
    if (applied.length === 0) return false;
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: decided.status === 'withdrawn' ? 'risk-warning.take-down' : 'risk-warning.publish',
        entityType: 'risk-warning',
        entityId: decided.warningId,
        detail: {
          batchNumber: decided.batchNumber,
          revision: decided.revision,
          withdrawalReason: decided.withdrawalReason ?? null,
          messageId,
        },
      },
      manager,
    );
    return true;
  }
}
