import { Injectable } from '@nestjs/common';
import type { BatchStagesView } from '@qis/runtime';
import { DataSource } from 'typeorm';

interface IssuedRow {
  batch_number: string;
  plan_id: string;
  plan_title: string;
  plan_kind: string;
  category: string;
  platform: string;
  platform_listing_id: string;
  url: string;
  title: string;
  shop_name: string;
  seller_name: string;
  seller_credit_code: string | null;
  issued_at: Date;
  issued_by: string | null;
}

/** What planning knows of a batch's story, read for the batch view. */
@Injectable()
export class BatchStagesQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The issued stage, with its plan, listing and seller and who issued the plan; null for no such batch. */
  async issued(batchNumber: string): Promise<BatchStagesView | null> {
    const [row]: IssuedRow[] = await this.dataSource.query(
      `select b.batch_number, b.plan_id, p.title as plan_title, p.kind as plan_kind, b.category,
              l.platform, l.platform_listing_id, l.url, l.title, l.shop_name, l.seller_name,
              l.seller_credit_code, b.issued_at,
              (select a.actor from audit_log a
                where a.entity_type = 'plan' and a.entity_id = b.plan_id::text and a.action = 'plan.issue'
                  and a.outcome = 'success'
                order by a.occurred_at desc limit 1) as issued_by
         from batch b join plan p on p.id = b.plan_id join listing l on l.id = b.listing_id
        where b.batch_number = $1`,
      [batchNumber],
    );
    if (!row) return null;
    return {
      batchNumber,
      stages: [
        {
          stage: 'issued',
          at: row.issued_at.toISOString(),
          actor: row.issued_by,
          facts: {
            planId: row.plan_id,
            planTitle: row.plan_title,
            planKind: row.plan_kind,
            category: row.category,
            platform: row.platform,
            listingId: row.platform_listing_id,
            listingUrl: row.url,
            listingTitle: row.title,
            shopName: row.shop_name,
            sellerName: row.seller_name,
            sellerCreditCode: row.seller_credit_code,
          },
        },
      ],
    };
  }
}
