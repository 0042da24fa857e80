import type { PublicationKind, Verdict } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of a public result (公示). A correction or withdrawal is a new row that `supersedes`
 * the current one; the current version has no `supersededBy`. The batch number and platform code
 * stay inside the service: the public sees only `id`.
 */
@Entity({ name: 'publication' })
export class Publication {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  kind!: PublicationKind;

  @Column({ type: 'uuid', nullable: true })
  supersedes!: string | null;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy!: string | null;

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'sample_name', type: 'text' })
  sampleName!: string;

  @Column({ name: 'claimed_brand', type: 'text', nullable: true })
  claimedBrand!: string | null;

  @Column({ name: 'claimed_producer', type: 'text', nullable: true })
  claimedProducer!: string | null;

  @Column({ name: 'spec_model', type: 'text', nullable: true })
  specModel!: string | null;

  @Column({ name: 'production_date', type: 'text', nullable: true })
  productionDate!: string | null;

  @Column({ name: 'main_nonconforming_items', type: 'jsonb' })
  mainNonconformingItems!: string[];

  @Column({ type: 'text' })
  verdict!: Verdict;

  /** Platform name (淘宝), for filters and statistics; null for a seller's own website. */
  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  /** Platform operator (第三方交易平台经营者), the name the rules publish. */
  @Column({ name: 'platform_name', type: 'text', nullable: true })
  platformName!: string | null;

  /** Internal: routes the result to the platform's feed; never public. */
  @Column({ name: 'platform_code', type: 'text', nullable: true })
  platformCode!: string | null;

  @Column({ type: 'text' })
  category!: string;

  /** GB/T 2260 district of the seller's registered address, when known. */
  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode!: string | null;

  /** Day the result became final, Asia/Shanghai (YYYY-MM-DD). */
  @Column({ name: 'result_date', type: 'text' })
  resultDate!: string;

  /** `YYYY-MM` of `resultDate`: the period filters and statistics use. */
  @Column({ type: 'text' })
  month!: string;

  /** Why a correction or withdrawal was made (public). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /**
   * Who sampled (抽样单位): the bureau, or `<district bureau>（受<city bureau>委托）` for a delegated
   * batch; null on results published before it was recorded (the bureau's own).
   */
  @Column({ name: 'sampled_by', type: 'text', nullable: true })
  sampledBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
