import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERDICTS, type Verdict } from '@qis/contracts';
import type { PublicNotice } from './public-notice.entity';

/** A public notice (公告通知) as published: the fields the rules list for it, and the verdict. */
export class PublicNoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '被抽样的网络商品经营者' }) sellerName!: string;
  @ApiProperty({ description: '商品名称' }) sampleName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '规格型号' }) specModel!: string | null;
  @ApiProperty({ description: '网络链接' }) listingUrl!: string;
  @ApiProperty({ description: '订单编号' }) orderNumber!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '第三方交易平台' }) platform!:
    string | null;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;

  static of(n: PublicNotice): PublicNoticeView {
    return {
      id: n.id,
      sellerName: n.sellerName,
      sampleName: n.sampleName,
      specModel: n.specModel,
      listingUrl: n.listingUrl,
      orderNumber: n.orderNumber,
      platform: n.platform,
      verdict: n.verdict,
      publishedAt: n.publishedAt.toISOString(),
    };
  }
}

export class PublicNoticePage {
  @ApiProperty({ type: PublicNoticeView, isArray: true }) items!: PublicNoticeView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

/** A public notice as the bureau sees it: the published fields plus its batch and report. */
export class PublicNoticeAdminView extends PublicNoticeView {
  @ApiProperty() batchNumber!: string;
  @ApiProperty() reportNumber!: string;
}

export class PublicNoticeAdminPage {
  @ApiProperty({ type: PublicNoticeAdminView, isArray: true }) items!: PublicNoticeAdminView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
