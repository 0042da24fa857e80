import { Injectable } from '@nestjs/common';
import type { BatchStagesView, BatchStageView } from '@qis/runtime';
import { DataSource } from 'typeorm';

interface PublicationRow {
  id: string;
  version: number;
  kind: string;
  supersedes: string | null;
  superseded_by: string | null;
  seller_name: string;
  sample_name: string;
  verdict: string;
  main_nonconforming_items: string[];
  platform: string | null;
  category: string;
  result_date: string;
  reason: string | null;
  published_at: Date;
  published_by: string | null;
}

interface NoticeRow {
  id: string;
  report_number: string;
  seller_name: string;
  sample_name: string;
  platform: string | null;
  verdict: string;
  published_at: Date;
}

/** Disclosure's part of a batch's story, read for the batch view. */
@Injectable()
export class BatchStagesQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The batch's stages here; null when this service knows nothing of the batch. */
  async stages(batchNumber: string): Promise<BatchStagesView | null> {
    const m = this.dataSource.manager;
    const publications: PublicationRow[] = await m.query(
      `select p.id, p.version, p.kind, p.supersedes, p.superseded_by, p.seller_name, p.sample_name, p.verdict,
              p.main_nonconforming_items, p.platform, p.category, p.result_date, p.reason, p.published_at,
              (select a.actor from audit_log a
                where a.entity_type = 'publication' and a.entity_id = p.id::text
                  and a.action in ('publication.correction', 'publication.withdrawal') and a.outcome = 'success'
                order by a.occurred_at desc limit 1) as published_by
         from publication p where p.batch_number = $1 order by p.version`,
      [batchNumber],
    );
    const notices: NoticeRow[] = await m.query(
      `select id, report_number, seller_name, sample_name, platform, verdict, published_at
         from public_notice where batch_number = $1 order by published_at`,
      [batchNumber],
    );
    if (publications.length === 0 && notices.length === 0) return null;
    const stages: BatchStageView[] = [
      ...publications.map((p): BatchStageView => ({
        stage: 'published',
        at: p.published_at.toISOString(),
        // The first version is published by the service on the final result; revisions by staff.
        actor: p.published_by,
        facts: {
          publication: p.kind,
          publicResultId: p.id,
          version: p.version,
          current: p.superseded_by === null,
          supersedes: p.supersedes,
          verdict: p.verdict,
          sellerName: p.seller_name,
          sampleName: p.sample_name,
          mainNonconformingItems: p.main_nonconforming_items,
          platform: p.platform,
          category: p.category,
          resultDate: p.result_date,
          reason: p.reason,
        },
      })),
      ...notices.map((n): BatchStageView => ({
        stage: 'published',
        at: n.published_at.toISOString(),
        actor: null,
        facts: {
          publication: 'public-notice',
          publicNoticeId: n.id,
          reportNumber: n.report_number,
          verdict: n.verdict,
          sellerName: n.seller_name,
          sampleName: n.sample_name,
          platform: n.platform,
        },
      })),
    ];
    return { batchNumber, stages: stages.sort((x, y) => x.at.localeCompare(y.at)) };
  }
}
