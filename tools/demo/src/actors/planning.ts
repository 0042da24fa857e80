import { ServiceApi, seg, type Claims } from './http';

/**
 * One listing as the bulk import takes it (CSV header or NDJSON keys, the same names; planning's
 * `IMPORT_FIELDS`). Required: platform, listingId, url, title, priceFen, shopName, shopUrl,
 * sellerName, operatorName, observedAt; sellerCreditCode unless the seller is a natural person
 * (checked with its GB 32100 check character); area codes must be real GB/T 2260 codes.
 */
export interface ListingRecord {
  /** lower-case platform code, e.g. `taobao` */
  platform: string;
  /** the platform's listing id (letters, digits, `._-`) */
  listingId: string;
  url: string;
  title: string;
  /** kebab-case category code, e.g. `silk-quilt` (needed to be selected by a plan) */
  category?: string;
  brand?: string;
  specModel?: string;
  priceFen: number;
  monthlySales?: number;
  stock?: number;
  ratingCount?: number;
  /** share 0..1 */
  badRatingRate?: number;
  /** e.g. 限时秒杀, 爆款, 超低价; CSV joins them with `|` */
  promotionalClaims?: string[];
  shopName: string;
  shopUrl: string;
  sellerName: string;
  /** default `enterprise` */
  sellerEntityType?: 'enterprise' | 'individual-business' | 'natural-person';
  sellerCreditCode?: string;
  /** district of the seller's registered address: the scope rule and routing read it */
  sellerAreaCode?: string;
  sellerAddress?: string;
  operatorName: string;
  /** district of the platform operator's registered address */
  operatorAreaCode?: string;
  /** UTC instant ending in Z; a newer observation wins, history keeps price and sales */
  observedAt: string;
}

const csvCell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * RFC 4180 CSV with a header row, as `text/csv` imports expect: the columns are the fields the
 * records use, in order of first use (planning accepts any subset that has the required ones).
 */
export function listingsCsv(records: ListingRecord[]): string {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))] as Array<keyof ListingRecord>;
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object a line, as `application/x-ndjson` imports expect. */
export const listingsNdjson = (records: ListingRecord[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface ImportReport {
  received: number;
  accepted: number;
  rejected: number;
  /** row = CSV line number (header = 1) or NDJSON record number */
  errors: Array<{ row: number; field: string; reason: string }>;
  errorsTruncated: boolean;
}

export type SignalKind =
  | 'complaint'
  | 'report'
  | 'public-opinion'
  | 'authority-notice'
  | 'self-check-failure'
  | 'enforcement-finding';

export interface SignalInput {
  kind: SignalKind;
  /** who reported it, a lower-case code: a platform, `zj-12315`, an authority */
  source: string;
  /** unique per source: recording it twice changes nothing */
  externalId: string;
  platform?: string;
  /** the platform's listing id */
  listingId?: string;
  sellerCreditCode?: string;
  sellerName?: string;
  category?: string;
  brand?: string;
  summary: string;
  /** UTC instant ending in Z */
  receivedAt: string;
}

/** One category of a scheme: its quota of batches and what the lab tests. */
export interface CategoryQuota {
  category: string;
  /** batches to issue in this category (the plan's batch count is the sum of quotas) */
  quota: number;
  /** 0..1, a factor of every listing's score */
  riskWeight: number;
  /** dearer listings are not selected; a purchase above it waits for price approval */
  unitPriceCapFen: number;
  testUnits: number;
  backupUnits: number;
  testStandards: string[];
  testItems: string[];
  /** candidate labs (informative; lab-gateway draws among qualified labs) */
  labs?: string[];
}

/** The implementation scheme (抽检实施方案). */
export interface Scheme {
  categories: CategoryQuota[];
  budgetFen: number;
  /** buyer pool UUIDs: purchasing assigns only buyers of these pools */
  buyerPoolIds?: string[];
  /** platforms to sample; all when absent */
  platforms?: string[];
  receivingAddresses?: string[];
  judgmentRules: string;
  resultNotification: string;
  reinspection: string;
  procedure?: string;
  contacts: Array<{ name: string; phone: string }>;
  /** scope rule 4: areas delegated to this bureau (GB/T 2260) */
  delegatedAreaCodes?: string[];
  /** days to buy after issuance (default 7) */
  purchaseWithinDays?: number;
}

/** Each factor 0..10 (defaults: complaints 3, priceDeviation 2, promotionalClaims 1, salesWithBadRatings 2, pastFailures 3, categoryRisk 1). */
export interface RiskWeights {
  complaints?: number;
  priceDeviation?: number;
  promotionalClaims?: number;
  salesWithBadRatings?: number;
  pastFailures?: number;
  categoryRisk?: number;
}

export interface CreatePlanInput {
  kind: 'routine' | 'emergency' | 'follow-up';
  title: string;
  /** emergency plans: the trigger and its evidence */
  emergencyTrigger?: 'concentrated-complaints' | 'authority-notice' | 'safety-incident' | 'other';
  emergencyEvidence?: string;
  /** follow-up plans: the earlier failed batch number */
  followUpOf?: string;
  /** seed of the random share: same seed + same listings = same selection */
  seed?: string;
  /** share of each quota drawn at random, 0.05..1 */
  randomShare: number;
  weights?: RiskWeights;
  scheme: Scheme;
}

export interface Plan {
  id: string;
  kind: string;
  title: string;
  status: 'draft' | 'submitted' | 'approved' | 'active' | 'closed';
  fastTrack: boolean;
  scheme: Scheme;
  weights: Required<RiskWeights>;
  randomShare: number;
  seed: string;
  author: string;
  approvedBy: string | null;
  returnedReason: string | null;
  selectedAt: string | null;
  issuedAt: string | null;
  createdAt: string;
}

export interface SelectedListing {
  /** planning's listing UUID (for the explanation endpoint) */
  listingId: string;
  platform: string;
  platformListingId: string;
  category: string;
  /** `ranked` (by score) or `random` (seeded share) */
  way: string;
  position: number;
  score: number;
  factors: Array<{ factor: string; value: number; raw: number | null; weight: number; contribution: number }>;
}

export interface Selection {
  planId: string;
  seed: string;
  year: number;
  spentFen: number;
  categories: Array<{
    category: string;
    quota: number;
    ranked: number;
    random: number;
    median: number;
    mad: number;
    cutoffScore: number | null;
  }>;
  listings: SelectedListing[];
}

export interface IssuedBatch {
  batchNumber: string;
  listingId: string;
  category: string;
  platform: string;
  platformListingId: string;
  issuedAt: string;
}

/** Planning (:7101): listings and signals in, plans through four-eyes approval, batches out. */
export class PlanningActor extends ServiceApi {
  /**
   * Bulk listing import, streamed (planner). `csv`: header row + RFC 4180 rows (`text/csv`);
   * `ndjson`: one object a line (`application/x-ndjson`). Bad rows are reported and left out,
   * good rows are upserted by platform + listingId. Another content type answers 415, a CSV
   * header without the required columns 400. No event.
   */
  importListings(
    planner: Claims,
    records: ListingRecord[],
    format: 'csv' | 'ndjson' = 'csv',
  ): Promise<ImportReport> {
    const raw =
      format === 'csv'
        ? { body: listingsCsv(records), contentType: 'text/csv; charset=utf-8' }
        : { body: listingsNdjson(records), contentType: 'application/x-ndjson' };
    return this.call<ImportReport>(planner, 'POST', '/listings/import', { raw });
  }

  /** A listing as last observed with its price and sales history (planner, approver, auditor). */
  listing(reader: Claims, platform: string, listingId: string): Promise<Record<string, unknown>> {
    return this.call(reader, 'GET', `/listings/${seg(platform)}/${seg(listingId)}`);
  }

  /**
   * Records a risk signal (planner): complaint, report, public opinion, authority notice, platform
   * self-check failure, enforcement finding. Counted by the `complaints` factor of the score.
   * (Platforms also send `platform.complaint-received.v1` over Kafka.) No event out.
   */
  recordSignal(planner: Claims, signal: SignalInput): Promise<{ id: string; created: boolean }> {
    return this.call(planner, 'POST', '/signals', { json: signal });
  }

  /** Drafts a plan with its scheme (planner; the author). Status `draft`. */
  createPlan(planner: Claims, plan: CreatePlanInput): Promise<Plan> {
    return this.call<Plan>(planner, 'POST', '/plans', { json: plan });
  }

  /** Submits a draft for approval (planner). Status `submitted`. */
  submitPlan(planner: Claims, planId: string): Promise<Plan> {
    return this.call<Plan>(planner, 'POST', `/plans/${seg(planId)}/submit`);
  }

  /** Approves a submitted plan (approver, never its author: 403). Status `approved`. */
  approvePlan(approver: Claims, planId: string): Promise<Plan> {
    return this.call<Plan>(approver, 'POST', `/plans/${seg(planId)}/approve`);
  }

  /** Sends a submitted plan back to draft with the reason (approver). */
  returnPlan(approver: Claims, planId: string, reason: string): Promise<Plan> {
    return this.call<Plan>(approver, 'POST', `/plans/${seg(planId)}/return`, { json: { reason } });
  }

  /**
   * Scores and selects listings (planner; plan draft, submitted or approved): per category
   * `quota` listings, the seeded random share first, the rest by score, within the scope rule,
   * platforms, price caps, budget and the twice-a-year rule. Replaces an earlier selection.
   */
  runSelection(planner: Claims, planId: string): Promise<Selection> {
    return this.call<Selection>(planner, 'POST', `/plans/${seg(planId)}/selection`);
  }

  /** Why a listing (planning's listing UUID) was or was not selected. */
  explain(reader: Claims, planId: string, listingId: string): Promise<Record<string, unknown>> {
    return this.call(reader, 'GET', `/plans/${seg(planId)}/listings/${seg(listingId)}/explanation`);
  }

  /**
   * Issues the batches of an approved plan (planner): one gapless number per selected listing,
   * plan `active`. Publishes `planning.batch-issued.v1` per batch (key = batch number) through
   * the outbox; purchasing opens a task for each.
   */
  issue(planner: Claims, planId: string): Promise<IssuedBatch[]> {
    return this.call<IssuedBatch[]>(planner, 'POST', `/plans/${seg(planId)}/issue`);
  }

  plan(reader: Claims, planId: string): Promise<Plan> {
    return this.call<Plan>(reader, 'GET', `/plans/${seg(planId)}`);
  }

  closePlan(as: Claims, planId: string): Promise<Plan> {
    return this.call<Plan>(as, 'POST', `/plans/${seg(planId)}/close`);
  }
}
