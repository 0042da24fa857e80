import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BatchSearchQuery } from './batch-search.query';
import type { BatchSearchView } from './batch-search.view';

interface FoundRow {
  batch_number: string;
  plan_id: string;
  category: string;
  platform: string;
  platform_listing_id: string;
  url: string;
  title: string;
  shop_name: string;
  seller_name: string;
  seller_credit_code: string | null;
  issued_at: Date;
  total: string;
}

/** A LIKE wildcard in what the user typed is a character like any other. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Finds issued batches for the console's search box. Read-only; the batch table is small (one row
 * per listing bought), so each criterion filters the batches joined to their listing.
 */
@Injectable()
export class SearchBatchesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: BatchSearchQuery): Promise<BatchSearchView> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.q !== undefined) {
      const exact = param(query.q);
      where.push(
        `(b.batch_number like ${param(`${escapeLike(query.q.toUpperCase())}%`)}` +
          ` or l.seller_name like ${param(`%${escapeLike(query.q)}%`)}` +
          ` or l.seller_credit_code = ${exact} or l.url = ${exact})`,
      );
    }
    if (query.batchNumber !== undefined)
      where.push(`b.batch_number like ${param(`${escapeLike(query.batchNumber)}%`)}`);
    if (query.seller !== undefined)
      where.push(
        `(l.seller_name like ${param(`%${escapeLike(query.seller)}%`)} or l.seller_credit_code = ${param(query.seller.toUpperCase())})`,
      );
    if (query.listingUrl !== undefined) where.push(`l.url = ${param(query.listingUrl)}`);
    const rows: FoundRow[] = await this.dataSource.query(
      `select b.batch_number, b.plan_id, b.category, l.platform, l.platform_listing_id, l.url, l.title,
              l.shop_name, l.seller_name, l.seller_credit_code, b.issued_at, count(*) over () as total
         from batch b join listing l on l.id = b.listing_id
        where ${where.join(' and ')}
        order by b.issued_at desc, b.batch_number desc
        limit ${param(query.pageSize)} offset ${param((query.page - 1) * query.pageSize)}`,
      params,
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(where, params);
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => ({
        batchNumber: r.batch_number,
        planId: r.plan_id,
        category: r.category,
        platform: r.platform,
        listingId: r.platform_listing_id,
        listingUrl: r.url,
        listingTitle: r.title,
        shopName: r.shop_name,
        sellerName: r.seller_name,
        sellerCreditCode: r.seller_credit_code,
        issuedAt: r.issued_at.toISOString(),
      })),
    };
  }

  /** A page past the end still tells how many there are. */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [{ n }]: Array<{ n: string }> = await this.dataSource.query(
      `select count(*) as n from batch b join listing l on l.id = b.listing_id where ${where.join(' and ')}`,
      params.slice(0, -2),
    );
    return Number(n);
  }
}
