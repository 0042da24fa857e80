import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import { bootstrapService, type ServiceDefinition } from '@qis/runtime';
import { createTestDatabase, uniqueName } from './isolation';
import { TestIssuer, type TestClaims } from './test-issuer';

export interface TestService<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
  database: string;
  /** The issuer the service trusts. */
  issuer: TestIssuer;
  /** `{ authorization: 'Bearer …' }` with a token of these roles and scopes. */
  auth(claims: TestClaims): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Boots a real service in-process on the real infrastructure, with its own database, consumer
 * group and a free port; topics carry the test file's prefix (see setup-file.ts). It trusts the
 * test process's token issuer.
 */
export async function startTestService<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  env: Record<string, string> = {},
): Promise<TestService<C>> {
  const db = await createTestDatabase(def.name);
  const issuer = TestIssuer.shared();
  let running;
  try {
    running = await bootstrapService(def, {
      env: { ...process.env, DB_NAME: db.name, ...issuer.env, ...env },
      port: 0,
      // Its own group unless the test names one (a service principal's ACLs allow only its group).
      groupId: env['KAFKA_CONSUMER_GROUP'] || uniqueName(`t-${def.name}`),
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const app = running.app;
  return {
    ...running,
    database: db.name,
    issuer,
    auth: (claims) => issuer.headers(claims),
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}
