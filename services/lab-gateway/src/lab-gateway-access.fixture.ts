import { randomUUID } from 'node:crypto';
import type { ForeignScopeFixture, TestService } from '@qis/testing';
import type { LabGatewayConfig } from './lab-gateway.config';
import { LabGatewayHarness, type DispatchRecord } from './testing/lab-gateway-harness';

/**
 * Real records of lab A for the access matrix: four samples sealed in a category only lab A tests,
 * so each is dispatched to it (one to read and accept, one to decline, two accepted for progress
 * and a report), and its entrustment contract. Lab B is a real lab of another category with its
 * own contract: its token is the foreign scope, as is a token of a lab id nobody registered.
 */
export async function labScopeFixture(service: TestService<LabGatewayConfig>): Promise<ForeignScopeFixture> {
  const harness = new LabGatewayHarness(service);
  const category = await harness.newCategory();
  const labA = await harness.registerLab(category);
  const labB = await harness.registerLab(await harness.newCategory());
  const dispatched: DispatchRecord[] = [];
  for (let i = 0; i < 4; i += 1) {
    const [dispatch] = await harness.dispatchesOf(await harness.seal(category));
    if (dispatch.labId !== labA) throw new Error(`dispatched to ${dispatch.labId}, not lab A ${labA}`);
    dispatched.push(dispatch);
  }
  const [read, toDecline, forProgress, forReport] = dispatched;
  const contracts = await harness.get(`/labs/${labA}/contracts`, await harness.admin());
  const [contract] = contracts.body as Array<{ id: string; contractNumber: string }>;
  if (!contract)
    throw new Error(`lab A has no contract: ${contracts.status} ${JSON.stringify(contracts.body)}`);
  const authA = await harness.lab(labA);
  for (const accepted of [forProgress, forReport]) {
    const res = await harness.post(`/v1/assignments/${accepted.id}/accept`, authA, {});
    if (res.status !== 200) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return {
    own: { lab: labA },
    // Lab B, and a lab id nobody registered.
    foreign: { lab: [labB, randomUUID()] },
    values: [
      ...dispatched.flatMap((d) => [d.id, d.batchNumber, d.sampleCode, d.drawSeed]),
      contract.id,
      contract.contractNumber,
    ],
    routes: {
      'GET /v1/assignments': {},
      'GET /v1/contracts': {},
      'GET /v1/contracts/:id': { params: { id: contract.id } },
      'GET /v1/assignments/:id': { params: { id: read.id } },
      'GET /batches/:batchNumber/stages': { params: { batchNumber: read.batchNumber } },
      'POST /v1/assignments/:id/accept': { params: { id: read.id } },
      'POST /v1/assignments/:id/decline': {
        params: { id: toDecline.id },
        body: { reason: '该项目设备检修，无法在合同期内完成' },
      },
      'POST /v1/assignments/:id/progress': {
        params: { id: forProgress.id },
        body: { stage: 'testing', note: '纤维含量测试中' },
      },
      'POST /v1/assignments/:id/reports': {
        params: { id: forReport.id },
        body: harness.validReport(forReport.sampleCode),
        ownStatus: 201,
      },
    },
    close: () => harness.close(),
  };
}
