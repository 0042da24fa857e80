/** Closed vocabularies of the contracts: string unions with their value lists (for `@IsIn`). */

export const SERVICES = [
  'planning',
  'purchasing',
  'evidence',
  'lab-gateway',
  'enforcement',
  'disclosure',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The stages of a batch in the order of the procedure (seed 003), each told by the service that
 * owns it: planning issued; purchasing assigned, bought, shipped; evidence received, sealed;
 * lab-gateway dispatched, reported; enforcement notified, objected, final, routed, closed;
 * disclosure published.
 */
export const BATCH_STAGES = [
  'issued',
  'assigned',
  'bought',
  'shipped',
  'received',
  'sealed',
  'dispatched',
  'reported',
  'notified',
  'objected',
  'final',
  'routed',
  'closed',
  'published',
] as const;
export type BatchStage = (typeof BATCH_STAGES)[number];

/** Who produces a topic: a service, or the platforms (inbound topics). */
export type Producer = ServiceName | 'platform';

/** 合格 / 不合格 */
export const VERDICTS = ['pass', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 例行 / 应急 / 跟踪 */
export const PLAN_KINDS = ['routine', 'emergency', 'follow-up'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Enterprise, individual business (个体工商户) or natural person (自然人) selling online. */
export const SELLER_ENTITY_TYPES = ['enterprise', 'individual-business', 'natural-person'] as const;
export type SellerEntityType = (typeof SELLER_ENTITY_TYPES)[number];

/** First inspection or re-inspection (复检). */
export const INSPECTION_PURPOSES = ['initial', 're-inspection'] as const;
export type InspectionPurpose = (typeof INSPECTION_PURPOSES)[number];

export const NOTICE_RECIPIENTS = ['seller', 'producer', 'platform'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];

/** `public-notice` replaces delivery when an address is unknown (公告通知). */
export const NOTICE_CHANNELS = ['post', 'email', 'platform-message', 'in-person', 'public-notice'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Why a result can no longer change. */
export const FINAL_BASES = [
  'no-objection',
  'objection-refused',
  're-inspection-waived',
  're-inspection',
] as const;
export type FinalBasis = (typeof FINAL_BASES)[number];

/** A consumer risk warning (消费风险警示) on the public page, or taken down with a reason. */
export const RISK_WARNING_STATUSES = ['issued', 'withdrawn'] as const;
export type RiskWarningStatus = (typeof RISK_WARNING_STATUSES)[number];

/** The rule that chose the authority of a case (谁抽检，谁交办; 属地管辖). */
export const ROUTING_RULES = [
  'platform-operator-address',
  'seller-address',
  'major-or-urgent',
  'out-of-area',
] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];

/** 区县局 / 稽查支队 / 网监办 / 外地主管部门 */
export const AUTHORITY_KINDS = [
  'district-bureau',
  'inspection-brigade',
  'online-supervision-office',
  'out-of-area-authority',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const CASE_OUTCOMES = ['penalty', 'rectification', 'takedown-confirmed', 'seller-not-found'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const TAKEDOWN_ACTIONS = ['listing-removed', 'shop-closed', 'already-offline', 'refused'] as const;
export type TakedownAction = (typeof TAKEDOWN_ACTIONS)[number];

export const COMPLAINT_KINDS = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const PUBLICATION_KINDS = ['result', 'correction', 'withdrawal'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const SAMPLE_ROLES = ['test', 'backup'] as const;
export type SampleRole = (typeof SAMPLE_ROLES)[number];

export const PARCEL_CONDITIONS = ['intact', 'damaged'] as const;
export type ParcelCondition = (typeof PARCEL_CONDITIONS)[number];

export const APPLICANT_ROLES = ['seller', 'producer'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

/** A delegation of sampling (一事一委托) in force, or revoked (the record is kept). */
export const DELEGATION_STATUSES = ['active', 'revoked'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** What one delegation covers: one plan (all its batches) or one batch. */
export const DELEGATION_MATTERS = ['plan', 'batch'] as const;
export type DelegationMatter = (typeof DELEGATION_MATTERS)[number];

/**
 * The acts a district bureau is delegated: sampling (抽样: purchase, sealing), delivering the
 * notices (通知书送达), receiving objections and running the re-inspection procedure (异议处理).
 */
export const DELEGATED_ACTS = ['sampling', 'notices', 'objections'] as const;
export type DelegatedAct = (typeof DELEGATED_ACTS)[number];
