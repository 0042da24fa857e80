import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { BatchNumberParams, BatchStagesView } from '@qis/runtime';
import { BatchSearchView } from './batch-search.view';
import { DataSource } from 'typeorm';
import { BatchSearchQuery } from './batch-search.query';
import { SearchBatchesUseCase } from './search-batches.usecase';

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
  title: string;
  shop_name: string;
  seller_name: string;
  seller_credit_code: string | null;
  issued_at: Date;
  issued_by: string | null;
}

/** Planning's part of a batch's story (issued), and finding a batch by seller or listing. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchSearch: SearchBatchesUseCase,
  ) {}

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      'Find batches by batch number (or its start), seller (part of the name, or credit code) or listing URL, newest issued first, a page at a time',
  })
  @ApiOkResponse({ type: BatchSearchView })
  searchBatches(@Query() query: BatchSearchQuery): Promise<BatchSearchView> {
    return this.batchSearch.execute(query);
  }

  @Get(':batchNumber/stages')
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: "Planning's stage of the batch: issued, with its plan, listing and seller" })
  @ApiOkResponse({ type: BatchStagesView })
  @ApiNotFoundResponse({ description: 'no such batch' })
  async stages(@Param() { batchNumber }: BatchNumberParams): Promise<BatchStagesView> {
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
