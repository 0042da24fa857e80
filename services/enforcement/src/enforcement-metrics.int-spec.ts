import { startTestService, TestIssuer, type TestService } from '@qis/testing';
import { enforcementService } from './enforcement.definition';

/** Enforcement's own metrics: legal deadlines by kind and state, unresolved alerts; read at each scrape. */
describe('enforcement metrics', () => {
  let service: TestService<never>;

  beforeAll(async () => {
    service = (await startTestService(enforcementService, {
      SERVICE_TOKEN_PRIVATE_KEY_FILE: TestIssuer.shared().privateKeyFile,
    })) as TestService<never>;
  });
  afterAll(() => service?.stop());

  it('reads the deadline book and the alerts at each scrape (an open deadline shows by kind and state)', async () => {
    await service.app.get((await import('typeorm')).DataSource).query(
      `insert into deadline (id, kind, subject_id, batch_number, due_at)
       values (gen_random_uuid(), 'objection-window', 'metrics-subject', 'HZ2026-000061', now() + interval '3 hours'),
              (gen_random_uuid(), 'notice-delivery', 'metrics-subject-2', 'HZ2026-000061', now() - interval '1 hour')`,
    );
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /^qis_legal_deadlines\{kind="objection-window",state="due-within-24h",service="enforcement"\} 1$/m,
    );
    expect(text).toMatch(
      /^qis_legal_deadlines\{kind="notice-delivery",state="past-due-unhandled",service="enforcement"\} 1$/m,
    );
    expect(text).toContain('# TYPE qis_open_alerts gauge');
  });
});
