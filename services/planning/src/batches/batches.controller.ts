import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchSearchView } from './batch-search.view';
import { DataSource } from 'typeorm';
import { BatchSearchQuery } from './batch-search.query';

const READERS = ['planner', 'approver', 'auditor', 'admin'] as const;

interface IssuedRow {
  batch_number: string;
  plan_id: string;
  plan_title: string;
  plan_kind: string;
  category: string;
  platform: string;
  platform_listing_id: string;
  url: string;
  seller_name: string;
  issued_at: Date;
  issued_by: string | null;
}

/** Planning's part of a batch's story (issued), and finding a batch by seller or listing. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary: 'Batches by batch number, seller (name or credit code) or listing URL, newest first',
  })
  @ApiOkResponse({ type: BatchSearchView })
  async search(@Query() query: BatchSearchQuery): Promise<BatchSearchView> {
    const escaped = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows: Array<IssuedRow & { total: string }> = await this.dataSource.query(
      `select b.batch_number, b.plan_id, b.category, l.platform, l.url, l.seller_name, b.issued_at,
              count(*) over () as total
         from batch b join listing l on l.id = b.listing_id
        where b.batch_number like $1 or l.seller_name like $2 or l.seller_credit_code = $3 or l.url = $3
        order by b.issued_at desc, b.batch_number desc
        limit $4`,
      [`${escaped}%`, `%${escaped}%`, query.q, query.limit],
    );
    return {
      total: rows.length ? Number(rows[0].total) : 0,
      items: rows.map((r) => ({
        batchNumber: r.batch_number,
        planId: r.plan_id,
        category: r.category,
        platform: r.platform,
        listingUrl: r.url,
        sellerName: r.seller_name,
        issuedAt: r.issued_at.toISOString(),
      })),
    };
  }

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: "Planning's stage of the batch: issued, with its plan, listing and seller" })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch' })
  async stages(@Param() { batchNumber }: BatchNumberParams): Promise<BatchStagesView> {
    const [row]: IssuedRow[] = await this.dataSource.query(
      `select b.batch_number, b.plan_id, p.title as plan_title, p.kind as plan_kind, b.category,
              l.platform, l.platform_listing_id, l.url, l.seller_name, b.issued_at,
              (select a.actor from audit_log a
                where a.entity_type = 'plan' and a.entity_id = b.plan_id::text and a.action = 'plan.issue'
                  and a.outcome = 'success'
                order by a.occurred_at desc limit 1) as issued_by
         from batch b join plan p on p.id = b.plan_id join listing l on l.id = b.listing_id
        where b.batch_number = $1`,
      [batchNumber],
    );
    // The same body every service gives for a batch it does not know (or the caller may not see).
    if (!row) throw notFound('batch', batchNumber);
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
            sellerName: row.seller_name,
          },
        },
      ],
    };
  }
}
