import { WorkingDayCalendar } from '@qis/domain';
import { startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

/** 10:00 on 30 December 2026, Asia/Shanghai: a 3-working-day turnaround ends in 2027. */
const DEC_30_2026 = Date.parse('2026-12-30T02:00:00Z');

/**
 * The gateway counts turnaround periods by the one calendar policy (`@qis/domain`): a period reaching
 * a year without a holiday schedule is not counted Monday to Friday silently.
 */
describe('lab-gateway turnaround across a year without a holiday schedule (real PostgreSQL and Kafka)', () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;

  beforeAll(async () => {
    service = await startTestService(labGatewayService, { CLOCK_OVERRIDE_ENABLED: 'true' });
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  it('dispatches a sample sealed on 2026-12-30 with a 3-working-day turnaround due 2027-01-05, provisional, not the Monday–Friday 2027-01-04', async () => {
    // The installed chinese-days publishes no 2027 schedule (the premise of this test).
    expect(WorkingDayCalendar.fromChineseDays().schedule(2027)).toBeUndefined();
    const moved = await gw.post('/ops/clock', await gw.admin(), { byMs: DEC_30_2026 - Date.now() }, null);
    expect(moved.status).toBe(200);

    const category = await gw.newCategory();
    const lab = await gw.registerLab(category, { turnaroundWorkingDays: 3 });
    const batch = await gw.seal(category);
    const [record] = await gw.dispatchesOf(batch);
    // 12-31 Thursday, 01-01 元旦 (a statutory holiday in every year), 01-04 Monday, 01-05 Tuesday.
    expect(record).toMatchObject({ labId: lab, dueOn: '2027-01-05', dueOnProvisional: true });

    const [audit] = (await service.app
      .get(DataSource)
      .query(`select detail from audit_log where action = 'assignment.dispatch' and entity_id = $1`, [
        record.id,
      ])) as Array<{ detail: Record<string, unknown> }>;
    expect(audit?.detail).toMatchObject({
      dueOn: '2027-01-05',
      dueOnProvisional: true,
      unknownYears: [2027],
    });
  });
});
