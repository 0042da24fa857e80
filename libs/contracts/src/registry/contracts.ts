import { BatchIssued } from '../events/batch-issued';
import { CaseClosed } from '../events/case-closed';
import { CaseRouted } from '../events/case-routed';
import { ComplaintReceived } from '../events/complaint-received';
import { ListingSignal } from '../events/listing-signal';
import { ObjectionFiled } from '../events/objection-filed';
import { OrderPlaced } from '../events/order-placed';
import { ParcelReceived } from '../events/parcel-received';
import { ReinspectionRequested } from '../events/reinspection-requested';
import { ReportIssued } from '../events/report-issued';
import { ResultFinal } from '../events/result-final';
import { ResultNotified } from '../events/result-notified';
import { ResultPublished } from '../events/result-published';
import { RiskWarningDecided } from '../events/risk-warning-decided';
import { SampleDispatched } from '../events/sample-dispatched';
import { SampleSealed } from '../events/sample-sealed';
import { SamplingDelegated } from '../events/sampling-delegated';
import { TakedownReported } from '../events/takedown-reported';
import { deadLetterTopic, Topics } from '../topics';
import type { EventDescriptor } from './event-descriptor';

/** Every event of the system, inbound first, then in the order of the flow. */
export const contracts: readonly EventDescriptor[] = [
  ListingSignal,
  ComplaintReceived,
  TakedownReported,
  BatchIssued,
  SamplingDelegated,
  OrderPlaced,
  ParcelReceived,
  SampleSealed,
  SampleDispatched,
  ReportIssued,
  ResultNotified,
  ObjectionFiled,
  ReinspectionRequested,
  ResultFinal,
  CaseRouted,
  CaseClosed,
  RiskWarningDecided,
  ResultPublished,
];

/** Topics that carry no domain event (the runtime's broker probe defines its own message). */
export const operationalTopics: readonly string[] = [Topics.OpsProbe];

const byTopic = new Map<string, EventDescriptor>(contracts.map((c) => [c.topic, c]));

/** The contract of a topic (unprefixed), or undefined for a topic no contract declares. */
export const contractForTopic = (topic: string): EventDescriptor | undefined => byTopic.get(topic);

/** The declared list the services provision at start-up: each topic and its dead-letter topic. */
export const declaredTopics = (): string[] =>
  [...contracts.map((c) => c.topic), ...operationalTopics].flatMap((topic) => [
    topic,
    deadLetterTopic(topic),
  ]);
