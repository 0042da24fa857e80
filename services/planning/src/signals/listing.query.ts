import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import type { ListingObservation, ListingView } from './listing.view';

interface ListingDbRow {
  id: string;
  platform: string;
  platform_listing_id: string;
  url: string;
  title: string;
  category: string | null;
  brand: string | null;
  spec_model: string | null;
  price_fen: string;
  monthly_sales: number | null;
  seller_name: string;
  seller_credit_code: string | null;
  seller_area_code: string | null;
  operator_area_code: string | null;
  observed_at: Date;
  history: ListingObservation[];
}

@Injectable()
export class ListingQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byPlatformId(platform: string, listingId: string): Promise<ListingView> {
    const rows = (await this.dataSource.query(
      'select * from listing where platform = $1 and platform_listing_id = $2',
      [platform, listingId],
    )) as ListingDbRow[];
    if (rows.length === 0) throw notFound('listing', `${platform}/${listingId}`);
    const r = rows[0];
    return {
      id: String(r.id),
      platform: r.platform,
      listingId: r.platform_listing_id,
      url: r.url,
      title: r.title,
      category: r.category,
      brand: r.brand,
      specModel: r.spec_model,
      priceFen: Number(r.price_fen),
      monthlySales: r.monthly_sales,
      sellerName: r.seller_name,
      sellerCreditCode: r.seller_credit_code,
      sellerAreaCode: r.seller_area_code,
      operatorAreaCode: r.operator_area_code,
      observedAt: r.observed_at.toISOString(),
      history: [...r.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    };
  }
}
