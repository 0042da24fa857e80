import { startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';

describe('paging bounds (found by fuzzing: a huge page was a 500)', () => {
  let service: TestService<LabGatewayConfig>;

  beforeAll(async () => {
    service = await startTestService(labGatewayService);
  });
  afterAll(() => service.stop());

  it.each([
    ['/v1/assignments', { roles: ['lab'], labId: 'LAB-PAGING' }],
    ['/dispatches', { roles: ['admin'] }],
  ] as const)(
    '%s answers 400 naming page for a page past 100000, and pages within it',
    async (path, claims) => {
      const auth = await service.auth({ sub: 'paging-test', ...claims, roles: [...claims.roles] });
      const huge = await fetch(`${service.url}${path}?page=36893488147419103231&pageSize=91`, {
        headers: auth,
      });
      expect(huge.status).toBe(400);
      const body = (await huge.json()) as { errors: Array<{ field: string }>; requestId: string };
      expect(body.errors.map((e) => e.field)).toEqual(['page']);
      expect(body.requestId).toEqual(expect.any(String));
      const last = await fetch(`${service.url}${path}?page=100000&pageSize=91`, { headers: auth });
      expect(last.status).toBe(200);
      expect(await last.json()).toMatchObject({ items: [], page: 100000 });
    },
  );
});
