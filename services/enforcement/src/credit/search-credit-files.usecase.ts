import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import { isUnifiedSocialCreditCode } from '@qis/contracts';
import { DataSource } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import type { CreditEntryKind } from './credit-entry.entity';
import { CreditEntryView } from './credit-entry.view';
import type { CreditSearchQuery } from './credit-search.query';
import { creditSubjectKind, type CreditShopView, type CreditSubjectView } from './credit-subject.view';
import { platformShopId } from './platform-shop-id';

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
  platform_code: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Credit files found by credit code, by name or by the platform's shop id (反向建档: sellers and
 * claimed producers): a registered seller is one file per credit code; a natural-person seller one
 * per name, platform and platform shop id (names repeat, the platform's shop does not); a producer
 * one per credit code when the label showed it, else per name. A reader sees only the entries of
 * batches in their scope, and a file with none is not found (as if it did not exist).
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
              b.order_facts->'platform'->>'name' as platform,
              b.order_facts->'platform'->>'code' as platform_code
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
    // A producer named on one label with its code and on another without is one file.
    const producerCodes = new Map(
      rows
        .filter((r) => r.subject_role === 'producer' && r.unified_social_credit_code)
        .map((r) => [r.subject_name, r.unified_social_credit_code as string]),
    );
    for (const r of rows.filter((x) => visible.has(x.batch_number))) {
      const shopId = r.shop_url ? platformShopId(r.shop_url) : null;
      const key =
        r.subject_role === 'producer'
          ? `producer:${r.unified_social_credit_code ?? producerCodes.get(r.subject_name) ?? r.subject_name}`
          : r.unified_social_credit_code
            ? `seller:${r.unified_social_credit_code}`
            : `seller:${r.platform_code ?? 'own-site'}:${shopId ?? ''}:${r.subject_name}`;
      const file = files.get(key) ?? { rows: [], shops: new Map<string, CreditShopView>() };
      file.rows.push(r);
      if (r.subject_role === 'seller' && r.shop_url && r.shop_name)
        file.shops.set(r.shop_url, {
          platform: r.platform,
          platformCode: r.platform_code,
          shopId: shopId as string,
          shopName: r.shop_name,
          shopUrl: r.shop_url,
        });
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
          subjectKind: creditSubjectKind(first.subject_role, last.entity_type),
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
