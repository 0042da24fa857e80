import { kafkaConnection } from '@qis/messaging';
import { Kafka } from 'kafkajs';
import { createTestDatabase, expectEventually, freePort, spawnService, waitForReady } from '@qis/testing';

describe('a service process', () => {
  it('stops at boot with a message naming each bad or missing variable', async () => {
    const service = spawnService('planning', {
      HTTP_PORT: 'abc',
      DB_PASSWORD: '',
      KAFKA_BROKERS: 'nohostport',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/HTTP_PORT="abc" is invalid/);
    expect(service.output()).toMatch(/DB_PASSWORD is missing/);
    expect(service.output()).toMatch(/KAFKA_BROKERS="nohostport" is invalid/);
  });

  it('leaves its consumer group and exits 0 on SIGTERM', async () => {
    const db = await createTestDatabase('lifecycle');
    const service = spawnService('purchasing', { HTTP_PORT: String(await freePort()), DB_NAME: db.name });
    const group = `${process.env['KAFKA_TOPIC_PREFIX']}qis-purchasing`;
    const admin = new Kafka({
      clientId: 'lifecycle-test',
      ...kafkaConnection(),
    }).admin();
    await admin.connect();
    try {
      await waitForReady(service);
      await expectEventually(async () => {
        const { groups } = await admin.describeGroups([group]);
        expect(groups[0].members.length).toBe(1);
      });

      expect(await service.stop('SIGTERM')).toBe(0);
      const { groups } = await admin.describeGroups([group]);
      expect(groups[0].members).toHaveLength(0);
      expect(groups[0].state).toBe('Empty');
    } finally {
      await admin.disconnect();
      await service.stop('SIGKILL');
      await db.drop();
    }
  });
});
