import { startTestService, expectEventually, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import { labGatewayService } from '../lab-gateway.definition';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';
import { drawLab } from './lab-draw';

describe('lab-gateway dispatch (real PostgreSQL and Kafka)', () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;

  beforeAll(async () => {
    service = await startTestService(labGatewayService, { OVERDUE_SCAN_INTERVAL_MS: '200' });
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  it('dispatches a sealed sample only to active, accredited labs with the category, standard and capacity', async () => {
    const category = await gw.newCategory();
    const qualified = [await gw.registerLab(category), await gw.registerLab(category)];
    const unqualified = [
      await gw.registerLab(category, { cmaExpiresOn: '2025-01-01' }),
      await gw.registerLab(category, { cnasNumber: 'CNAS L0001', cnasExpiresOn: '2025-06-30' }),
      await gw.registerLab(category, { active: false }),
      await gw.registerLab(category, { capacity: 0 }),
      await gw.registerLab(category, { scopes: [{ category, standards: ['FZ/T 99999-2020'] }] }),
      await gw.registerLab('other-category'),
    ];
    const batches = await Promise.all(Array.from({ length: 12 }, () => gw.seal(category)));
    const chosen = new Set<string>();
    for (const batch of batches) {
      const [dispatch] = await gw.dispatchesOf(batch);
      expect(qualified).toContain(dispatch.labId);
      expect(unqualified).not.toContain(dispatch.labId);
      expect(dispatch.candidateLabIds).toEqual([...qualified].sort());
      chosen.add(dispatch.labId);
    }
    expect(chosen.size).toBeGreaterThan(0);
  });

  it('reproduces every draw from its recorded seed and candidate list', async () => {
    const category = await gw.newCategory();
    const labs = await Promise.all(Array.from({ length: 4 }, () => gw.registerLab(category)));
    const batches = await Promise.all(Array.from({ length: 8 }, () => gw.seal(category)));
    for (const batch of batches) {
      const [dispatch] = await gw.dispatchesOf(batch);
      expect(dispatch.drawSeed).toMatch(/^[0-9a-f]{64}$/);
      expect(dispatch.candidateLabIds).toEqual([...labs].sort());
      expect(drawLab(dispatch.drawSeed, batch, dispatch.candidateLabIds)).toBe(dispatch.labId);
      expect(dispatch.redrawnLabId).toBe(dispatch.labId);
    }
  });

  it('publishes sample-dispatched with the seed, the candidates and a due date from the turnaround', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category, { turnaroundWorkingDays: 7 });
    const dispatched = await gw.samplesDispatched();
    const batch = await gw.seal(category);
    const [record] = await gw.dispatchesOf(batch);
    const event = await expectEventually(() => {
      const found = dispatched.find((e) => e.batchNumber === batch);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event).toMatchObject({
      purpose: 'initial',
      labId: lab,
      sampleRole: 'test',
      drawSeed: record.drawSeed,
      candidateLabIds: [lab],
      dueOn: record.dueOn,
    });
    expect(record.dueOn > event.dispatchedAt.slice(0, 10)).toBe(true);
  });

  it('never sends a re-inspection to the original lab, and prefers a lab of higher qualification', async () => {
    const category = await gw.newCategory();
    const level2 = await gw.registerLab(category, { qualificationLevel: 2 });
    const level3 = await gw.registerLab(category, { qualificationLevel: 3 });
    const level1 = await gw.registerLab(category, { qualificationLevel: 1 });

    const fromLevel2 = await Promise.all(Array.from({ length: 6 }, () => gw.nextBatchNumber()));
    for (const batch of fromLevel2) await gw.requestReinspection(category, batch, level2);
    for (const batch of fromLevel2) {
      const [dispatch] = await gw.dispatchesOf(batch);
      expect(dispatch.purpose).toBe('re-inspection');
      expect(dispatch.labId).toBe(level3);
      expect(dispatch.candidateLabIds).toEqual([level3]);
    }

    // From the top level no lab is higher: any other qualified lab, never the original.
    const fromLevel3 = await Promise.all(Array.from({ length: 6 }, () => gw.nextBatchNumber()));
    for (const batch of fromLevel3) await gw.requestReinspection(category, batch, level3);
    for (const batch of fromLevel3) {
      const [dispatch] = await gw.dispatchesOf(batch);
      expect(dispatch.labId).not.toBe(level3);
      expect(dispatch.candidateLabIds).toEqual([level1, level2].sort());
    }
  });

  it('raises one overdue alert when the due date has passed without a report', async () => {
    const category = await gw.newCategory();
    await gw.registerLab(category);
    const batch = await gw.seal(category);
    const [dispatch] = await gw.dispatchesOf(batch);
    await service.app
      .get(DataSource)
      .query(`update assignment set due_on = '2026-01-05' where id = $1`, [dispatch.id]);
    const [alerted] = await expectEventually(async () => {
      const [d] = await gw.dispatchesOf(batch);
      expect(d.overdueAlertedAt).not.toBeNull();
      return [d];
    });
    const audit = await gw.get(
      `/audit?entityType=assignment&entityId=${dispatch.id}`,
      await service.auth({ roles: ['auditor'] }),
    );
    const actions = (audit.body as { items: Array<{ action: string }> }).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'assignment.overdue')).toHaveLength(1);
    expect(alerted.overdueAlertedAt).toBeTruthy();
  });
});
