import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import { bootstrapService, type ServiceDefinition } from '@qis/runtime';
import { createTestDatabase, uniqueName } from './isolation';

export interface TestService<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
  database: string;
  stop(): Promise<void>;
}

/**
 * Boots a real service in-process on the real infrastructure, with its own database, consumer
 * group and a free port; topics carry the test file's prefix (see setup-file.ts).
 */
export async function startTestService<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  env: Record<string, string> = {},
): Promise<TestService<C>> {
  const db = await createTestDatabase(def.name);
  const running = await bootstrapService(def, {
    env: { ...process.env, DB_NAME: db.name, ...env },
    port: 0,
    groupId: uniqueName(`t-${def.name}`),
  });
  return {
    ...running,
    database: db.name,
    stop: async () => {
      await running.app.close();
      await db.drop();
    },
  };
}
