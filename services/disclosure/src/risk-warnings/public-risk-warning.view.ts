import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_WARNING_STATUSES } from '@qis/contracts';
import type { PublicRiskWarning } from './public-risk-warning.entity';

/** A consumer risk warning (消费风险警示) as the public reads it. */
export class PublicRiskWarningView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RISK_WARNING_STATUSES, description: 'withdrawn: taken down, with its reason' })
  status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '样品名称' }) sampleName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '标称商标' }) brand!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '规格型号' }) specModel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '标称生产者' }) producerName!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '生产者统一社会信用代码' })
  producerUnifiedSocialCreditCode!: string | null;
  @ApiProperty({ description: '被抽样的网络商品经营者' }) sellerName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '第三方交易平台' }) platformName!:
    string | null;
  @ApiProperty({ type: String, isArray: true, description: '不合格项目' }) failingItems!: string[];
  @ApiProperty({ description: '风险提示' }) risk!: string;
  @ApiProperty({ description: '消费提示' }) advice!: string;
  @ApiProperty({ description: '发布机关' }) issuedBy!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) withdrawnAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '撤回理由' }) withdrawalReason!:
    string | null;

  static of(w: PublicRiskWarning): PublicRiskWarningView {
    return {
      id: w.id,
      status: w.status,
      title: w.title,
      sampleName: w.sampleName,
      brand: w.brand,
      specModel: w.specModel,
      producerName: w.producerName,
      producerUnifiedSocialCreditCode: w.producerUscc,
      sellerName: w.sellerName,
      platformName: w.platformName,
      failingItems: w.failingItems,
      risk: w.risk,
      advice: w.advice,
      issuedBy: w.issuedBy,
      issuedAt: w.issuedAt.toISOString(),
      withdrawnAt: w.withdrawnAt?.toISOString() ?? null,
      withdrawalReason: w.withdrawalReason,
    };
  }
}

export class PublicRiskWarningPage {
  @ApiProperty({ type: PublicRiskWarningView, isArray: true }) items!: PublicRiskWarningView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
