import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_KINDS, EvidenceItem, type EvidenceKind } from '../kernel/evidence-item';
import { TASK_STATUSES, type PurchaseTask, type TaskStatus } from '../kernel/purchase-task.entity';

/** A purchase task as buyers and admins see it: ids and pseudonymous references, no identity. */
export class TaskView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ enum: TASK_STATUSES })
  status!: TaskStatus;

  @ApiProperty()
  platform!: string;

  @ApiProperty({
    type: 'object',
    required: ['platformListingId', 'url', 'title'],
    selfRequired: true,
    properties: { platformListingId: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' } },
    description: 'listing to buy: platformListingId, url, title',
  })
  listing!: { platformListingId: string; url: string; title: string };

  @ApiProperty({
    type: 'object',
    required: ['shopName', 'shopUrl'],
    selfRequired: true,
    properties: { shopName: { type: 'string' }, shopUrl: { type: 'string' } },
    description: 'seller shop as issued',
  })
  shop!: { shopName: string; shopUrl: string };

  @ApiProperty({
    type: 'object',
    required: ['testUnits', 'backupUnits'],
    selfRequired: true,
    properties: { testUnits: { type: 'integer' }, backupUnits: { type: 'integer' } },
    description: '{ testUnits, backupUnits }',
  })
  quantity!: { testUnits: number; backupUnits: number };

  @ApiProperty()
  unitPriceCapFen!: number;

  @ApiProperty({ format: 'date-time' })
  purchaseDueAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  assignmentDueAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  buyerId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  accountId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  addressId!: string | null;

  @ApiProperty({ type: [EvidenceItem] })
  evidence!: EvidenceItem[];

  @ApiProperty({
    enum: EVIDENCE_KINDS,
    isArray: true,
    description:
      'mandatory kinds of the evidence package not yet among `evidence` (completion is refused until empty)',
  })
  missingEvidence!: EvidenceKind[];

  @ApiProperty({ format: 'uuid', description: 'the purchase evidence package (买样证据包) id' })
  evidencePackageId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the purchase record, once entered',
  })
  purchase!: object | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  priceApprovedBy!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  carrier!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  trackingNumber!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  shippedAt!: string | null;

  static of(task: PurchaseTask): TaskView {
    return {
      batchNumber: task.batchNumber,
      status: task.status,
      platform: task.platform,
      listing: task.batch.listing,
      shop: { shopName: task.batch.seller.shopName, shopUrl: task.batch.seller.shopUrl },
      quantity: task.batch.quantity,
      unitPriceCapFen: task.unitPriceCapFen,
      purchaseDueAt: task.purchaseDueAt.toISOString(),
      assignmentDueAt: task.assignmentDueAt?.toISOString() ?? null,
      buyerId: task.buyerId,
      accountId: task.accountId,
      addressId: task.addressId,
      evidence: task.evidence,
      missingEvidence: EVIDENCE_KINDS.filter((kind) => !task.evidence.some((e) => e.kind === kind)),
      evidencePackageId: task.evidencePackageId,
      purchase: task.purchase,
      priceApprovedBy: task.priceApprovedBy,
      carrier: task.carrier,
      trackingNumber: task.trackingNumber,
      shippedAt: task.shippedAt?.toISOString() ?? null,
    };
  }
}
