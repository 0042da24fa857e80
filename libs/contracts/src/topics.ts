/**
 * Every topic of the system: `<owner>.<event-in-kebab>.v<major>`. A breaking change to an event
 * is a new major version, hence a new topic. Each flow topic has a contract in `events/`
 * (see `contracts`); topics are created from `declaredTopics()` at start-up (auto-creation is off
 * on the broker), so no consumer ever subscribes to a missing topic.
 */
export const Topics = {
  // inbound, produced by platforms and other sources
  ListingSignal: 'platform.listing-signal.v1',
  ComplaintReceived: 'platform.complaint-received.v1',
  TakedownReported: 'platform.takedown-reported.v1',
  // the flow
  BatchIssued: 'planning.batch-issued.v1',
  SamplingDelegated: 'planning.sampling-delegated.v1',
  OrderPlaced: 'purchasing.order-placed.v1',
  ParcelReceived: 'evidence.parcel-received.v1',
  SampleSealed: 'evidence.sample-sealed.v1',
  SampleDispatched: 'lab.sample-dispatched.v1',
  ReportIssued: 'lab.report-issued.v1',
  ResultNotified: 'enforcement.result-notified.v1',
  ObjectionFiled: 'enforcement.objection-filed.v1',
  ReinspectionRequested: 'enforcement.reinspection-requested.v1',
  ResultFinal: 'enforcement.result-final.v1',
  CaseRouted: 'enforcement.case-routed.v1',
  CaseClosed: 'enforcement.case-closed.v1',
  RiskWarningDecided: 'enforcement.risk-warning-decided.v1',
  ResultPublished: 'disclosure.result-published.v1',
  // operations: an end-to-end broker probe every service answers
  OpsProbe: 'ops.probe.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Dead letters of a topic: `<topic>.dlq`. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
