import type { PlatformFacts, SampleUnits, SellerFacts } from '@qis/contracts';
import { ServiceApi, query, seg, type Claims } from './http';

export interface BuyerRegistration {
  /** the `sub` of the buyer's login: their tokens must carry it */
  userId: string;
  /** what everyone else sees (3–32 of A-Z 0-9 -); generated when absent */
  pseudonym?: string;
  /** encrypted at rest, readable only by purchasing-admin */
  realName: string;
  /** 18-character resident ID number */
  idNumber: string;
  phone: string;
  /** buyer pool UUIDs (a plan's `buyerPoolIds` restricts assignment to them) */
  poolIds?: string[];
}

export interface Buyer {
  id: string;
  pseudonym: string;
  status: 'active' | 'suspended' | 'retired';
  commitmentSignedOn: string | null;
  commitmentEvidenceId: string | null;
  trainingCompletedOn: string | null;
  /** commitment (day + evidence object) and training on file: only qualified buyers are assigned */
  qualified: boolean;
}

export interface Qualification {
  /** YYYY-MM-DD the confidentiality commitment (承诺书) was signed */
  commitmentSignedOn?: string;
  /** evidence object holding the signed commitment (not checked at the evidence service) */
  commitmentEvidenceId?: string;
  /** YYYY-MM-DD */
  trainingCompletedOn?: string;
}

export interface ShoppingAccount {
  id: string;
  platform: string;
  alias: string;
  status: string;
}

export interface AddressInput {
  /** a label that identifies nobody, e.g. `SH-relay-2` */
  label: string;
  /** GB/T 2260 district */
  areaCode: string;
  /** a relay (中转) address in another province */
  relay: boolean;
  recipientName: string;
  phone: string;
  addressLine: string;
}

export type TaskStatus =
  | 'unassigned'
  | 'assigned'
  | 'awaiting-price-approval'
  | 'purchased'
  | 'shipped'
  | (string & NonNullable<unknown>);

export interface Task {
  batchNumber: string;
  status: TaskStatus;
  platform: string;
  listing: { platformListingId: string; url: string; title: string };
  shop: { shopName: string; shopUrl: string };
  quantity: SampleUnits;
  unitPriceCapFen: number;
  purchaseDueAt: string;
  assignmentDueAt: string | null;
  buyerId: string | null;
  accountId: string | null;
  addressId: string | null;
  evidence: PackageItem[];
  evidencePackageId: string;
  purchase: Record<string, unknown> | null;
  priceApprovedBy: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
}

/** The account and address to order with (read by the assigned buyer; audited). */
export interface Delivery {
  platform: string;
  accountAlias: string;
  accountName: string;
  recipientName: string;
  phone: string;
  addressLine: string;
  areaCode: string;
  relay: boolean;
}

/** The six mandatory parts of the purchase evidence package (买样证据包). */
export const PACKAGE_KINDS = [
  'purchase-screen-recording',
  'order-screenshot',
  'chat-screenshot',
  'listing-snapshot',
  'product-claim-photo',
  'payment-proof',
] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export interface PackageItem {
  kind: PackageKind;
  /** a stored evidence object of this kind and this batch (checked when EVIDENCE_URL is set) */
  objectId: string;
}

/** The purchase record (PUT /tasks/{batch}/purchase). */
export interface PurchaseRecord {
  /**
   * Seller as the shop shows it. Its `registeredAddress` is where notices go: leave it out and
   * enforcement publishes the result notice as a public notice (公告) instead. `registeredAreaCode`
   * routes an own-site failure; a natural person needs no credit code.
   */
  seller: SellerFacts;
  /** absent on the seller's own site; `operatorRegisteredAreaCode` routes a platform failure */
  platform?: PlatformFacts;
  productName: string;
  productUrl: string;
  monthlySales?: number;
  stock?: number;
  transactionSteps: string[];
  orderNumber: string;
  /** UTC instant ending in Z */
  orderedAt: string;
  unitPriceFen: number;
  shippingFeeFen: number;
  totalPaidFen: number;
  quantity: SampleUnits;
  evidence: PackageItem[];
}

/** Purchasing (:7102): buyers, accounts, addresses, tasks, purchase records, shipment. */
export class PurchasingActor extends ServiceApi {
  /** Registers a buyer (purchasing-admin); identity encrypted at once. */
  registerBuyer(admin: Claims, buyer: BuyerRegistration): Promise<Buyer> {
    return this.call<Buyer>(admin, 'POST', '/buyers', { json: buyer });
  }

  /** Records the signed commitment and training (purchasing-admin): the buyer becomes `qualified`. */
  qualifyBuyer(admin: Claims, buyerId: string, qualification: Qualification): Promise<Buyer> {
    return this.call<Buyer>(admin, 'PUT', `/buyers/${seg(buyerId)}/qualification`, { json: qualification });
  }

  /** Active / suspended / retired (purchasing-admin); only active buyers are assigned. */
  async setBuyerStatus(admin: Claims, buyerId: string, status: Buyer['status']): Promise<void> {
    await this.call(admin, 'PUT', `/buyers/${seg(buyerId)}/status`, { json: { status } });
  }

  /** A shopping account on a platform (purchasing-admin): a buyer is assigned only batches of platforms they have an active account on. */
  addAccount(
    admin: Claims,
    buyerId: string,
    account: { platform: string; accountName: string; alias: string },
  ): Promise<ShoppingAccount> {
    return this.call<ShoppingAccount>(admin, 'POST', `/buyers/${seg(buyerId)}/accounts`, { json: account });
  }

  /** A receiving address of the pool (purchasing-admin); `relay: true` for a 中转 address. */
  addAddress(admin: Claims, address: AddressInput): Promise<{ id: string } & Record<string, unknown>> {
    return this.call(admin, 'POST', '/addresses', { json: address });
  }

  /**
   * Tasks (buyer: only their own current ones; purchasing-admin, approver: all). A task appears
   * once purchasing consumed `planning.batch-issued.v1`; it is `assigned` when a qualified buyer
   * with an account on the platform and a free address was found, else `unassigned` (retried).
   */
  tasks(as: Claims, status?: TaskStatus): Promise<Task[]> {
    return this.call<Task[]>(as, 'GET', `/tasks${query({ status })}`);
  }

  /** One task (a buyer: only when assigned to them, else 404). */
  task(as: Claims, batchNumber: string): Promise<Task> {
    return this.call<Task>(as, 'GET', `/tasks/${seg(batchNumber)}`);
  }

  /** The account and address to order with (the assigned buyer or purchasing-admin; audited). */
  delivery(as: Claims, batchNumber: string): Promise<Delivery> {
    return this.call<Delivery>(as, 'GET', `/tasks/${seg(batchNumber)}/delivery`);
  }

  /** Refuses an assigned batch (buyer); it is reassigned to another buyer. */
  refuse(buyer: Claims, batchNumber: string, reason: string): Promise<Task> {
    return this.call<Task>(buyer, 'POST', `/tasks/${seg(batchNumber)}/refusal`, { json: { reason } });
  }

  /** Records (or replaces) the purchase with its evidence items so far (the assigned buyer). */
  recordPurchase(buyer: Claims, batchNumber: string, record: PurchaseRecord): Promise<Task> {
    return this.call<Task>(buyer, 'PUT', `/tasks/${seg(batchNumber)}/purchase`, { json: record });
  }

  /**
   * Completes the purchase (the assigned buyer): 422 with one entry per missing or bad evidence
   * item (each checked at the evidence service when purchasing has EVIDENCE_URL). Status
   * `purchased`, or `awaiting-price-approval` when the unit price is above the cap.
   */
  complete(buyer: Claims, batchNumber: string): Promise<Task> {
    return this.call<Task>(buyer, 'POST', `/tasks/${seg(batchNumber)}/completion`);
  }

  /** Approves a unit price above the plan's cap (approver), with the justification. */
  approvePrice(approver: Claims, batchNumber: string, note: string): Promise<Task> {
    return this.call<Task>(approver, 'POST', `/tasks/${seg(batchNumber)}/price-approval`, { json: { note } });
  }

  /**
   * Records the shipment (the buyer or purchasing-admin): carrier and tracking number. Publishes
   * `purchasing.order-placed.v1` (no buyer, account or address in it); evidence then expects a
   * parcel with this carrier + tracking number, enforcement keeps the order for notices.
   */
  ship(
    as: Claims,
    batchNumber: string,
    shipment: { carrier: string; trackingNumber: string; shippedAt?: string },
  ): Promise<Task> {
    return this.call<Task>(as, 'POST', `/tasks/${seg(batchNumber)}/shipment`, { json: shipment });
  }

  /** A seller blacklisted a buyer, account or address (purchasing-admin). */
  recordBlacklist(
    admin: Claims,
    entry: {
      batchNumber: string;
      targetKind: 'buyer' | 'account' | 'address';
      targetId: string;
      observedOn: string;
      note?: string;
    },
  ): Promise<Record<string, unknown>> {
    return this.call(admin, 'POST', '/blacklists', { json: entry });
  }
}
