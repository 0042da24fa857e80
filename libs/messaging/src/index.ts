export { KafkaHealthIndicator } from './kafka-health.indicator';
export { kafkaClientConfig, kafkaLogCreator, prefixedTopic, type LogSink } from './kafka-options';
export { KafkaPublisher, type OutgoingMessage } from './kafka-publisher';
export { provisionTopics, type TopicSettings } from './provision-topics';
