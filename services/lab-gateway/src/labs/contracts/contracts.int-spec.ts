import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '@qis/audit';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import { DispatchSampleUseCase } from '../../dispatch/dispatch-sample.usecase';
import { ScanOverdueUseCase } from '../../dispatch/scan-overdue.usecase';
import type { LabGatewayConfig } from '../../lab-gateway.config';
import { labGatewayService } from '../../lab-gateway.definition';
import { LabGatewayHarness, type ContractOverrides } from '../../testing/lab-gateway-harness';

interface Contract {
  id: string;
  version: number;
  contractNumber: string;
  validTo: string;
  endedOn?: string;
  turnaroundWorkingDays: number;
  categories: Array<{ category: string; priceFen: number; turnaroundWorkingDays?: number }>;
  change: string;
  reason?: string;
  history: Contract[];
}
interface AuditEntry {
  action: string;
  entityId: string;
  detail: Record<string, unknown>;
}

/**
 * Entrustment contracts (委托检验合同, rule 003 §6: the lab tests within the period the contract
 * agrees): a lab is drawn only for a category its contract in force covers, the due date is the
 * contract's turnaround in working days, and an assignment past it raises one alert naming both.
 */
describe('lab entrustment contracts (real PostgreSQL and Kafka)', () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;

  beforeAll(async () => {
    service = await startTestService(labGatewayService);
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  const auditor = () => service.auth({ roles: ['auditor'] });
  const audit = async (entityType: string, entityId: string): Promise<AuditEntry[]> =>
    (
      (await gw.get(`/audit?entityType=${entityType}&entityId=${entityId}&pageSize=100`, await auditor()))
        .body as { items: AuditEntry[] }
    ).items;
  const waitingReasons = async (batch: string): Promise<Record<string, string[]>> =>
    expectEventually(async () => {
      const rows = (await gw.get('/waiting-samples', await gw.admin())).body as Array<{
        batchNumber: string;
        exclusions: Record<string, string[]>;
      }>;
      const row = rows.find((w) => w.batchNumber === batch);
      expect(row).toBeDefined();
      return row!.exclusions;
    });
  const contractsOf = async (lab: string): Promise<Contract[]> =>
    (await gw.get(`/labs/${lab}/contracts`, await gw.admin())).body as Contract[];

  describe.each<[string, (category: string) => ContractOverrides | null, string | null]>([
    ['draws a lab whose contract in force covers the category', () => ({}), null],
    [
      'leaves out a lab whose contract does not cover the category',
      (category) => ({
        contractNumber: `WT-OTHER-${category}`,
        categories: [{ category: 'silk-quilt-other', priceFen: 1 }],
      }),
      'does not cover category',
    ],
    [
      'leaves out a lab whose contract expired',
      () => ({ validFrom: '2025-01-01', validTo: '2025-12-31' }),
      'expired on 2025-12-31',
    ],
    ['leaves out a lab with no contract on record', () => null, 'no entrustment contract on record'],
  ])('%s', (_rule, contract, reason) => {
    it(reason === null ? 'dispatches to it' : 'keeps the sample waiting with that reason', async () => {
      const category = await gw.newCategory();
      const overrides = contract(category);
      const scopes = [
        { category, standards: [] },
        { category: 'silk-quilt-other', standards: [] },
      ];
      const lab = await gw.registerLab(category, {
        scopes,
        contract: overrides === null ? null : overrides,
      });
      const batch = await gw.seal(category);
      if (reason === null) {
        const [dispatch] = await gw.dispatchesOf(batch);
        expect(dispatch.labId).toBe(lab);
        return;
      }
      const exclusions = await waitingReasons(batch);
      expect(exclusions[lab]?.join('; ')).toContain(reason);
    });
  });

  it.each([
    // Dispatched Wednesday 30 September 2026: 1–7 October is the National Day holiday and
    // Saturday 10 October a working day (State Council schedule).
    ['5 working days', 5, undefined, '2026-10-13'],
    ['10 working days', 10, undefined, '2026-10-20'],
    ["the category's own 5 in a 10-day contract", 10, 5, '2026-10-13'],
  ])(
    'counts a turnaround of %s across the National Day holiday',
    async (_name, contractDays, categoryDays, dueOn) => {
      const category = await gw.newCategory();
      const number = `WT-${randomBytes(5).toString('hex')}`;
      const lab = await gw.registerLab(category, {
        turnaroundWorkingDays: 3, // the registry's own figure is not the contract's
        contract: {
          contractNumber: number,
          turnaroundWorkingDays: contractDays,
          categories: [
            {
              category,
              priceFen: 95_000,
              ...(categoryDays ? { turnaroundWorkingDays: categoryDays } : {}),
            },
          ],
        },
      });
      const batchNumber = gw.nextBatchNumber();
      const dataSource = service.app.get(DataSource);
      const assignment = await dataSource.transaction((m) =>
        service.app.get(DispatchSampleUseCase).execute(
          m,
          {
            batchNumber,
            purpose: 'initial',
            category,
            sampleName: '桑蚕丝被',
            sampleCode: `${batchNumber}-S`,
            sampleRole: 'test',
            sealNumber: `FY-${batchNumber}-1`,
            productStandard: null,
            reinspectionOfReport: null,
            excludedLabIds: [],
            preferAboveLevel: null,
            at: new Date('2026-09-30T02:00:00Z'),
          },
          SYSTEM_ACTOR,
        ),
      );
      expect(assignment.labId).toBe(lab);
      const record = (await gw.get(`/dispatches/${assignment.id}`, await gw.admin())).body;
      expect(record).toMatchObject({
        dueOn,
        dueOnProvisional: false,
        contractNumber: number,
        contractVersion: 1,
        turnaroundWorkingDays: categoryDays ?? contractDays,
      });
    },
  );

  it('keeps every version of an amended contract, audited, and draws under the latest one', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category, { contract: null });
    const admin = await gw.admin();
    const recorded = await gw.post(`/labs/${lab}/contracts`, admin, {
      ...gw.contract([{ category }], 10),
      documentId: '6f1c3f5e-2d7b-4a59-9c3e-0d4b8e2f1a77',
    });
    expect(recorded.status).toBe(201);
    const first = recorded.body as Contract;
    const amended = await gw.post(`/labs/${lab}/contracts/${first.id}/amendments`, admin, {
      turnaroundWorkingDays: 7,
      reason: '补充协议一：检验周期调整为 7 个工作日',
    });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({
      id: first.id,
      version: 2,
      turnaroundWorkingDays: 7,
      change: 'amended',
    });

    const [contract] = await contractsOf(lab);
    expect(contract).toMatchObject({ version: 2, turnaroundWorkingDays: 7 });
    expect(contract?.history.map((v) => [v.version, v.turnaroundWorkingDays, v.change])).toEqual([
      [1, 10, 'recorded'],
    ]);
    const [dispatch] = await gw.dispatchesOf(await gw.seal(category));
    expect(dispatch).toMatchObject({ labId: lab, contractVersion: 2, turnaroundWorkingDays: 7 });
    const actions = (await audit('lab', lab)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['lab.contract.record', 'lab.contract.amend']));
  });

  it('stops drawing a lab whose contract was ended, keeps the ended version, and refuses to change it again', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const [contract] = await contractsOf(lab);
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const ended = await gw.post(`/labs/${lab}/contracts/${contract!.id}/end`, await gw.admin(), {
      endedOn: yesterday,
      reason: '双方协商解除合同',
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ version: 2, change: 'ended', endedOn: yesterday });
    const exclusions = await waitingReasons(await gw.seal(category));
    expect(exclusions[lab]).toEqual([
      `entrustment contract ${contract!.contractNumber} ended on ${yesterday}`,
    ]);
    const again = await gw.post(`/labs/${lab}/contracts/${contract!.id}/amendments`, await gw.admin(), {
      reason: '恢复',
    });
    expect(again.status).toBe(409);
    expect((await contractsOf(lab))[0]?.history).toHaveLength(1);
  });

  it('answers bad contracts with the field and the reason, never 500', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const admin = await gw.admin();
    const [existing] = await contractsOf(lab);
    const cases: Array<[string, unknown, number, string]> = [
      [
        'a price in yuan with cents',
        { ...gw.contract([{ category }]), categories: [{ category, priceFen: 12.5 }] },
        400,
        'categories[0].priceFen',
      ],
      [
        'a category turnaround of null (found by fuzzing: it was stored and answered as null)',
        {
          ...gw.contract([{ category }]),
          categories: [{ category, priceFen: 1, turnaroundWorkingDays: null }],
        },
        400,
        'categories[0].turnaroundWorkingDays',
      ],
      [
        'a term ending before it starts',
        gw.contract([{ category }], 10, { validFrom: '2032-02-01', validTo: '2032-01-01' }),
        422,
        'validTo',
      ],
      [
        'a category outside the accreditation',
        gw.contract([{ category: 'power-strip' }], 10, { validFrom: '2032-01-01', validTo: '2032-12-31' }),
        422,
        'categories[0].category',
      ],
      [
        'a term overlapping the contract in force',
        gw.contract([{ category }], 10, { validFrom: '2030-06-01', validTo: '2031-05-31' }),
        422,
        'validFrom',
      ],
      [
        'a number already on record',
        gw.contract([{ category }], 10, {
          contractNumber: existing!.contractNumber,
          validFrom: '2033-01-01',
          validTo: '2033-12-31',
        }),
        409,
        existing!.contractNumber,
      ],
    ];
    for (const [name, body, status, names] of cases) {
      const res = await gw.post(`/labs/${lab}/contracts`, admin, body);
      expect([name, res.status]).toEqual([name, status]);
      expect(JSON.stringify(res.body)).toContain(names);
    }
    const atRegistration = await gw.post('/labs', admin, {
      name: '实验室',
      address: '杭州',
      cmaNumber: `CMA${randomBytes(6).toString('hex')}`,
      cmaExpiresOn: '2030-12-31',
      qualificationLevel: 2,
      scopes: [{ category, standards: [] }],
      capacity: 10,
      turnaroundWorkingDays: 10,
      contract: gw.contract([{ category: 'power-strip' }]),
    });
    expect(atRegistration.status).toBe(422);
    expect(JSON.stringify(atRegistration.body)).toContain('contract.categories[0].category');
    const missingLab = await gw.post(
      `/labs/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/contracts`,
      admin,
      gw.contract([{ category }]),
    );
    expect(missingLab.status).toBe(404);
  });

  it('lets a lab read its own contract through the lab API, and another lab not at all', async () => {
    const category = await gw.newCategory();
    const own = await gw.registerLab(category);
    const other = await gw.registerLab(await gw.newCategory());
    const [contract] = await contractsOf(own);
    const mine = await gw.get('/v1/contracts', await gw.lab(own));
    expect(mine.status).toBe(200);
    expect((mine.body as Contract[]).map((c) => c.contractNumber)).toEqual([contract!.contractNumber]);
    expect((await gw.get(`/v1/contracts/${contract!.id}`, await gw.lab(own))).status).toBe(200);
    const foreign = await gw.get(`/v1/contracts/${contract!.id}`, await gw.lab(other));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(contract!.contractNumber);
    const theirs = (await gw.get('/v1/contracts', await gw.lab(other))).body as Contract[];
    expect(theirs.map((c) => c.contractNumber)).not.toContain(contract!.contractNumber);
  });

  it('raises the overdue alert once, naming the contract and its turnaround', async () => {
    const category = await gw.newCategory();
    const number = `WT-${randomBytes(5).toString('hex')}`;
    await gw.registerLab(category, { contract: { contractNumber: number, turnaroundWorkingDays: 6 } });
    const [dispatch] = await gw.dispatchesOf(await gw.seal(category));
    await service.app
      .get(DataSource)
      .query(`update assignment set due_on = '2026-01-05' where id = $1`, [dispatch.id]);
    const scan = service.app.get(ScanOverdueUseCase);
    await scan.execute();
    await scan.execute();
    const alerts = (await audit('assignment', dispatch.id)).filter((e) => e.action === 'assignment.overdue');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.detail).toMatchObject({
      contractNumber: number,
      contractVersion: 1,
      turnaroundWorkingDays: 6,
      dueOn: '2026-01-05',
    });
  });
});
