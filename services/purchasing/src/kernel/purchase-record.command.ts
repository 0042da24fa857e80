import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlatformFacts, SampleUnits, SELLER_ENTITY_TYPES, SellerFacts } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EvidenceItem } from './evidence-item';

/** The purchase record the rules require (DOMAIN.md stage 2), entered by the buyer as they buy. */
export class PurchaseRecordCommand {
  @ApiProperty({
    type: 'object',
    required: ['name', 'entityType', 'shopName', 'shopUrl'],
    properties: {
      name: {
        type: 'string',
        description: 'name on the business licence, or the natural person seller name',
      },
      entityType: { type: 'string', enum: [...SELLER_ENTITY_TYPES] },
      unifiedSocialCreditCode: { type: 'string', description: 'required unless a natural person' },
      registeredAreaCode: { type: 'string', description: 'GB/T 2260 district of the registered address' },
      registeredAddress: { type: 'string' },
      shopName: { type: 'string' },
      shopUrl: { type: 'string' },
    },
    description: 'seller: business licence data or natural person information, shop URL',
  })
  @ValidateNested()
  @Type(() => SellerFacts)
  seller!: SellerFacts;

  @ApiPropertyOptional({
    type: 'object',
    required: ['code', 'name', 'url', 'operatorName'],
    properties: {
      code: { type: 'string', example: 'taobao' },
      name: { type: 'string' },
      url: { type: 'string' },
      operatorName: { type: 'string' },
      operatorUnifiedSocialCreditCode: { type: 'string' },
      operatorRegisteredAreaCode: { type: 'string' },
    },
    description: "platform name, URL and operator; absent on the seller's own site",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlatformFacts)
  platform?: PlatformFacts;

  @ApiProperty({ example: '100%桑蚕丝被' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  productName!: string;

  @ApiProperty({ description: 'the product link actually bought from' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  productUrl!: string;

  @ApiPropertyOptional({ description: 'monthly sales shown at purchase time (月销量)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  monthlySales?: number;

  @ApiPropertyOptional({ description: 'stock shown at purchase time (库存量)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  stock?: number;

  @ApiProperty({ type: [String], description: 'the transaction steps, in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  transactionSteps!: string[];

  @ApiProperty({ description: 'order number on the platform (订单编号)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  orderNumber!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  orderedAt!: string;

  @ApiProperty({ description: 'unit price paid, fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  unitPriceFen!: number;

  @ApiProperty({ description: 'shipping fee paid, fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  shippingFeeFen!: number;

  @ApiProperty({ description: 'total paid, fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  totalPaidFen!: number;

  @ApiProperty({
    type: 'object',
    required: ['testUnits', 'backupUnits'],
    properties: { testUnits: { type: 'integer', minimum: 1 }, backupUnits: { type: 'integer', minimum: 0 } },
    description: '{ testUnits, backupUnits }',
  })
  @ValidateNested()
  @Type(() => SampleUnits)
  quantity!: SampleUnits;

  @ApiProperty({ type: [EvidenceItem], description: 'evidence objects uploaded so far' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EvidenceItem)
  evidence!: EvidenceItem[];
}
