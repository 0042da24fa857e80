export { deadLetterTopic, declaredTopics, Topics, type TopicName } from './topics';
