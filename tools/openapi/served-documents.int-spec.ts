import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServiceStack, STAGE_SERVICES, type ServiceStack } from '@qis/testing';
import { DOCS_DIR, SERVICES } from './openapi-files';

/**
 * `npm run openapi` makes the documents without servers (Nest's preview mode); this proves they
 * are what the built services really serve at /docs-json.
 */
describe('docs/openapi', () => {
  let stack: ServiceStack;

  beforeAll(async () => {
    stack = await startServiceStack({ all: { LOG_LEVEL: 'error' } }, 'openapi');
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('covers every stage service', () => {
    expect([...SERVICES].sort()).toEqual([...STAGE_SERVICES].sort());
  });

  it.each([...SERVICES])(
    'docs/openapi/%s.json is what the running service serves at /docs-json',
    async (service) => {
      const response = await fetch(`${stack.url[service]}/docs-json`);
      expect(response.status).toBe(200);
      const committed: unknown = JSON.parse(
        readFileSync(join(repoRoot(), DOCS_DIR, `${service}.json`), 'utf8'),
      );
      expect(await response.json()).toStrictEqual(committed);
    },
  );
});
