export { deadLetterTopic, Topics, type TopicName } from './topics';
export { contractForTopic, contracts, declaredTopics, operationalTopics } from './registry/contracts';
export {
  decodeEvent,
  decodeKey,
  encodeKey,
  flattenValidationErrors,
  validateEvent,
} from './registry/decode-event';
/** class-validator's answer for a valid object, found without it (for Nest's ValidationPipe too). */
export { provenValid } from './registry/validation-plan';
export { defineEvent, type EventDescriptor, type EventExample } from './registry/event-descriptor';
export type { DecodeResult, FieldError } from './registry/field-error';

export * from './conventions/patterns';
/**
 * The one unified social credit code rule (format and check character), for HTTP DTOs too:
 * `IsCreditCode` also documents the pattern in the schema, `HasCreditCodeCheckCharacter` is the same
 * check without it (for a released API whose documented request has no pattern yet).
 */
export { IsCreditCode } from './conventions/decorators';
/** For request fields that may be left out but are never null (IsOptional lets null through). */
export { IsOmittable } from './conventions/decorators';
export { RuleAcrossFields, rulesAcrossFields } from './conventions/rules-across-fields';
export { HasCreditCodeCheckCharacter } from './conventions/unified-social-credit-code';
export * from './conventions/vocabulary';
export {
  CREDIT_CODE_FORMAT,
  isUnifiedSocialCreditCode,
  unifiedSocialCreditCheckCharacter,
} from './conventions/unified-social-credit-code';

export { Authority } from './facts/authority';
export { BatchKey } from './facts/batch-key';
export { Bureau } from './facts/bureau';
export { ClaimedProduct } from './facts/claimed-product';
export { ComplaintKey } from './facts/complaint-key';
export { ListingFacts } from './facts/listing-facts';
export { NoticeDelivery } from './facts/notice-delivery';
export { PlatformFacts } from './facts/platform-facts';
export { PlatformListingKey } from './facts/platform-listing-key';
export { PublicNoticeFacts } from './facts/public-notice-facts';
export { SampleUnits } from './facts/sample-units';
export { SamplingDelegation } from './facts/sampling-delegation';
export { SealedSample } from './facts/sealed-sample';
export { SellerFacts } from './facts/seller-facts';
export { TestItemResult } from './facts/test-item-result';

// One descriptor per event, with its key and value classes.
export * from './events/batch-issued';
export * from './events/case-closed';
export * from './events/case-routed';
export * from './events/complaint-received';
export * from './events/listing-signal';
export * from './events/objection-filed';
export * from './events/order-placed';
export * from './events/parcel-received';
export * from './events/reinspection-requested';
export * from './events/report-issued';
export * from './events/result-final';
export * from './events/result-notified';
export * from './events/result-published';
export * from './events/risk-warning-decided';
export * from './events/sample-dispatched';
export * from './events/sample-sealed';
export * from './events/sampling-delegated';
export * from './events/takedown-reported';
export * from './feeds';
