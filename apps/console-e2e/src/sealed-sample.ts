import { randomUUID } from 'node:crypto';
import { SampleSealed } from '@qis/contracts';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A sample sealed at intake, as the evidence service announces it on Kafka (sample-sealed, with
 * the outbox's headers), so the lab gateway draws a lab for it. The test's own topic prefix.
 */
export async function announceSealedSample(batchNumber: string, category: string): Promise<void> {
  const kafka = new Kafka({
    clientId: 'console-e2e',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const value = {
      batchNumber,
      sampleCode: `${batchNumber}-S`,
      category,
      claimed: { sampleName: '桑蚕丝被', productStandard: 'GB/T 24252-2019', hasCertificate: true },
      testSample: { sealNumber: `FY-${batchNumber}-1`, units: 1 },
      backupSample: { sealNumber: `FY-${batchNumber}-2`, units: 1 },
      workOrderNumber: `GD-${batchNumber}`,
      unpackingSessionId: randomUUID(),
      sealedAt: new Date().toISOString(),
    };
    await producer.send({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${SampleSealed.topic}`,
      acks: -1,
      messages: [
        {
          key: batchNumber,
          value: JSON.stringify(value),
          headers: {
            'message-id': randomUUID(),
            type: SampleSealed.type,
            version: String(SampleSealed.version),
            'occurred-at': new Date().toISOString(),
            'correlation-id': batchNumber,
            producer: 'evidence',
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}
