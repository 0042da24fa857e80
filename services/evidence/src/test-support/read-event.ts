import { randomBytes } from 'node:crypto';
import { kafkaConnection, prefixedTopic } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Reads the topic (with this test file's prefix) from the beginning until a message with the key
 * arrives, and returns its value as published on Kafka.
 */
export async function readEvent(
  topic: string,
  key: string,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const kafka = new Kafka({
    clientId: 'evidence-test-reader',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `evidence-test-${randomBytes(5).toString('hex')}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: prefixedTopic(topic), fromBeginning: true });
    return await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message with key ${key} on ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === key && message.value) {
            clearTimeout(timer);
            resolve(JSON.parse(message.value.toString()) as Record<string, unknown>);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
