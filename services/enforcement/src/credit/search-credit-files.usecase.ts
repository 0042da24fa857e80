import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import { isUnifiedSocialCreditCode } from '@qis/contracts';
import { DataSource } from 'typeorm';
import { BatchScope } from '../cases/batch-scope';
import type { CreditEntryKind } from './credit-entry.entity';
import { CreditEntryView } from './credit-entry.view';
import type { CreditSearchQuery } from './credit-search.query';
import type { CreditShopView, CreditSubjectView } from './credit-subject.view';

interface Row {
  id: string;
  unified_social_credit_code: string | null;
  subject_name: string;
  subject_role: 'seller' | 'producer';
  kind: CreditEntryKind;
  batch_number: string;
  detail: Record<string, unknown>;
  occurred_at: Date;
  entity_type: string | null;
  shop_name: string | null;
  shop_url: string | null;
  platform: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Credit files found by credit code or by name (反向建档: sellers and claimed producers): an
 * enterprise seller is one file per credit code; a natural-person seller one per name and shop
 * (names repeat, the platform's shop does not); a producer one per name, with its credit code when
 * known. A reader sees only the entries of batches in their scope, and a file with none is not
 * found (as if it did not exist).
 */
@Injectable()
export class SearchCreditFilesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchScope: BatchScope,
  ) {}

  async execute(principal: Principal, query: CreditSearchQuery): Promise<CreditSubjectView[]> {
    const q = query.q.trim();
    const code = q.toUpperCase();
    const byCode = isUnifiedSocialCreditCode(code);
    const like = `%${escapeLike(q)}%`;
    const rows: Row[] = await this.dataSource.query(
      `select e.id, e.unified_social_credit_code, e.subject_name, e.subject_role, e.kind, e.batch_number,
              e.detail, e.occurred_at,
              b.order_facts->'seller'->>'entityType' as entity_type,
              b.order_facts->'seller'->>'shopName' as shop_name,
              b.order_facts->'seller'->>'shopUrl' as shop_url,
              b.order_facts->'platform'->>'name' as platform
         from credit_entry e
         left join enforcement_batch b on b.batch_number = e.batch_number
        where ($1::text is null or e.subject_role = $1)
          and (${
            byCode
              ? 'e.unified_social_credit_code = $2'
              : `e.subject_name ilike $2
                 or (e.subject_role = 'seller' and (b.order_facts->'seller'->>'shopName' ilike $2
                     or b.order_facts->'seller'->>'shopUrl' ilike $2))`
          })
        order by e.occurred_at asc
        limit 2000`,
      [query.role ?? null, byCode ? code : like],
    );
    const visible = await this.batchScope.visible(
      principal,
      rows.map((r) => r.batch_number),
    );
    const files = new Map<string, { rows: Row[]; shops: Map<string, CreditShopView> }>();
    for (const r of rows.filter((x) => visible.has(x.batch_number))) {
      const key =
        r.subject_role === 'producer'
          ? `producer:${r.unified_social_credit_code ?? r.subject_name}`
          : r.unified_social_credit_code
            ? `seller:${r.unified_social_credit_code}`
            : `seller:${r.subject_name}:${r.shop_url ?? ''}`;
      const file = files.get(key) ?? { rows: [], shops: new Map<string, CreditShopView>() };
      file.rows.push(r);
      if (r.subject_role === 'seller' && r.shop_url && r.shop_name)
        file.shops.set(r.shop_url, { platform: r.platform, shopName: r.shop_name, shopUrl: r.shop_url });
      files.set(key, file);
    }
    return [...files.entries()]
      .map(([key, { rows: entries, shops }]) => {
        const first = entries[0] as Row;
        const last = entries[entries.length - 1] as Row;
        const count = (kind: CreditEntryKind) => entries.filter((e) => e.kind === kind).length;
        return {
          key,
          subjectRole: first.subject_role,
          subjectName: last.subject_name,
          unifiedSocialCreditCode:
            entries.find((e) => e.unified_social_credit_code)?.unified_social_credit_code ?? null,
          sellerEntityType: first.subject_role === 'seller' ? last.entity_type : null,
          shops: [...shops.values()],
          failures: count('failure'),
          penalties: count('penalty'),
          followUpsPassed: count('follow-up-pass'),
          followUpsFailed: count('follow-up-fail'),
          lastAt: new Date(last.occurred_at).toISOString(),
          entries: entries.map((e) =>
            CreditEntryView.of({
              id: e.id,
              unifiedSocialCreditCode: e.unified_social_credit_code,
              subjectName: e.subject_name,
              subjectRole: e.subject_role,
              kind: e.kind,
              batchNumber: e.batch_number,
              detail: e.detail,
              occurredAt: new Date(e.occurred_at),
            }),
          ),
        };
      })
      .sort((a, b) => b.lastAt.localeCompare(a.lastAt))
      .slice(0, 100);
  }
}
