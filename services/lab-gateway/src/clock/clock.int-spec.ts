import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { shanghaiDate } from '@qis/domain';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

const DAY = 86_400_000;

interface ClockBody {
  now: string;
  offsetMs: number;
  overridable: boolean;
}

/**
 * Enforcement counts its deadlines from the gateway's dispatch and receipt times, so where its
 * clock is moved (development and test) the gateway's moves with it: one injectable clock.
 */
describe("the lab gateway's clock", () => {
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

  it('dispatches and receives reports at the moved time', async () => {
    const moved = await gw.post('/ops/clock', await gw.admin(), { byMs: 30 * DAY }, null);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ offsetMs: 30 * DAY, overridable: true });
    const now = Date.parse((moved.body as ClockBody).now);

    const category = await gw.newCategory();
    const labId = await gw.registerLab(category);
    const batchNumber = await gw.seal(category);
    const [dispatch] = await gw.dispatchesOf(batchNumber);
    // The reader fills its list as the events arrive.
    const dispatchedEvents = await gw.samplesDispatched();
    const issuedEvents = await gw.reportsIssued();
    const dispatched = await expectEventually(async () => {
      const found = dispatchedEvents.find((d) => d.batchNumber === batchNumber);
      expect(found).toBeDefined();
      return found!;
    });
    expect(Date.parse(dispatched.dispatchedAt)).toBeGreaterThanOrEqual(now - 1_000);

    const auth = await gw.lab(labId);
    expect((await gw.post(`/v1/assignments/${dispatch.id}/accept`, auth, {})).status).toBe(200);
    // Dated on the moved day: a wall-clock "today" would be before the dispatch.
    const today = shanghaiDate(new Date(now));
    const submitted = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      auth,
      gw.validReport(dispatch.sampleCode, {
        sample: { sampleCode: dispatch.sampleCode, conditionOnReceipt: '封样完好', receivedOn: today },
        testedFrom: today,
        testedTo: today,
        issuedAt: new Date(now + 1_000).toISOString(),
      }),
    );
    expect(submitted.status).toBe(201);
    const issued = await expectEventually(async () => {
      const found = issuedEvents.find((r) => r.batchNumber === batchNumber);
      expect(found).toBeDefined();
      return found!;
    });
    expect(Date.parse(issued.receivedAt as string)).toBeGreaterThanOrEqual(now);
  });
});

describe("the lab gateway's clock without CLOCK_OVERRIDE_ENABLED", () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;
  beforeAll(async () => {
    // The test stack sets it for every service: unset here.
    service = await startTestService(labGatewayService, { CLOCK_OVERRIDE_ENABLED: '' });
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  it('cannot be moved (409) and reads the wall clock', async () => {
    const refused = await gw.post('/ops/clock', await gw.admin(), { byMs: DAY }, null);
    expect(refused.status).toBe(409);
    const read = await gw.get('/ops/clock', await gw.admin());
    expect(read.body).toMatchObject({ offsetMs: 0, overridable: false });
    expect(Math.abs(Date.parse((read.body as ClockBody).now) - Date.now())).toBeLessThan(60_000);
  });
});
