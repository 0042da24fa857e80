export type { EventContract } from './event-contract';
export { DeadLetterHeader, Header, readHeaders, type HeaderMap } from './event-headers';
export {
  ConsumeEvent,
  ConsumeEventBatch,
  CONSUME_EVENT,
  type ConsumedEvent,
  type EventBatchHandler,
  type EventContext,
  type EventHandler,
} from './inbox/consume-event.decorator';
export {
  EventConsumerServer,
  type ConsumerMetrics,
  type EventConsumerOptions,
} from './inbox/event-consumer.server';
export { EventHandlerRegistry, type RegisteredHandler } from './inbox/event-handler.registry';
export { BrokerConnection, type BrokerLogin } from './broker-admin/broker-connection';
export {
  loginAccepted,
  ScramCredentials,
  untilLoginAccepted,
  type ScramMechanism,
} from './broker-admin/scram-credentials';
export { aclsByPrincipal, anyAcl, revokeAcls } from './broker-admin/revoke-acls';
export { KafkaHealthIndicator } from './kafka-health.indicator';
export {
  brokerLogin,
  kafkaClientConfig,
  kafkaConnection,
  prefixedTopic,
  type LogSink,
} from './kafka-options';
export { KafkaPublisher, type OutgoingMessage } from './kafka-publisher';
export { CreateOutboxAndInbox1763800001000, NotifyOnOutboxInsert1763800002000 } from './messaging.migration';

/** The backbone's migrations, in order, for every service. */
export { messagingMigrations } from './messaging-migrations';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { MESSAGING_PRODUCER, OutboxPublisher, type OutgoingEvent } from './outbox/outbox.publisher';
export { provisionTopics, type TopicSettings } from './provision-topics';
export { readDeadLetters, replayDeadLetters, type DeadLetter } from './dead-letter/dead-letters';
export {
  summarizeDeadLetter,
  type DeadLetterReason,
  type DeadLetterSummary,
} from './dead-letter/dead-letter-summary';
