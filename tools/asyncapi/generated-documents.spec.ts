import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ASYNCAPI_PATH,
  buildAsyncApiDocument,
  buildDocuments,
  SCHEMAS_DIR,
  type Json,
} from './build-documents';
import { contracts, platformChannels } from '@qis/contracts';

const root = join(__dirname, '../..');
const stale = 'is stale: run npm run asyncapi';

const refsIn = (node: Json): string[] =>
  Array.isArray(node)
    ? node.flatMap(refsIn)
    : typeof node === 'object' && node !== null
      ? Object.entries(node).flatMap(([key, child]) =>
          key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
        )
      : [];

const resolvePointer = (document: Json, pointer: string): Json | undefined =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>(
      (node, part) =>
        typeof node === 'object' && node !== null && !Array.isArray(node) ? node[part] : undefined,
      document,
    );

describe('the generated AsyncAPI document and JSON Schemas', () => {
  const generated = buildDocuments();

  it(`matches the checked-in ${ASYNCAPI_PATH}`, () => {
    const checkedIn = readFileSync(join(root, ASYNCAPI_PATH), 'utf8');
    expect({ equal: checkedIn === generated.asyncapi.content, hint: `${ASYNCAPI_PATH} ${stale}` }).toEqual({
      equal: true,
      hint: `${ASYNCAPI_PATH} ${stale}`,
    });
  });

  it(`matches the checked-in ${SCHEMAS_DIR}, file for file`, () => {
    // Content, not bytes: the CLI's --check also compares prettier's formatting.
    const onDisk = existsSync(join(root, SCHEMAS_DIR)) ? readdirSync(join(root, SCHEMAS_DIR)).sort() : [];
    expect(onDisk).toEqual(
      Object.keys(generated.schemas)
        .map((p) => p.slice(SCHEMAS_DIR.length + 1))
        .sort(),
    );
    for (const [path, schema] of Object.entries(generated.schemas))
      expect({ path, schema: JSON.parse(readFileSync(join(root, path), 'utf8')) as Json }).toEqual({
        path,
        schema,
      });
  });

  it('resolves every $ref of the AsyncAPI document and of each schema file', () => {
    const document = buildAsyncApiDocument();
    for (const ref of refsIn(document))
      expect({ ref, found: resolvePointer(document, ref) !== undefined }).toEqual({ ref, found: true });
    for (const schema of Object.values(generated.schemas))
      for (const ref of refsIn(schema))
        expect({ ref, found: resolvePointer(schema, ref) !== undefined }).toEqual({ ref, found: true });
  });

  it('has a channel and a send operation per topic, and a receive operation per consumer', () => {
    const document = buildAsyncApiDocument();
    const channels = Object.values(document.channels as Record<string, { address: string }>).map(
      (c) => c.address,
    );
    expect(channels.sort()).toEqual(
      [...contracts.map((c) => c.topic), ...platformChannels.map((c) => c.address)].sort(),
    );
    const operations = Object.values(document.operations as Record<string, { action: string }>);
    expect(operations.filter((o) => o.action === 'send')).toHaveLength(
      contracts.length + platformChannels.length,
    );
    expect(operations.filter((o) => o.action === 'receive')).toHaveLength(
      contracts.reduce((n, c) => n + c.consumers.length, 0) + platformChannels.length,
    );
  });

  it.each(['purchasing.order-placed.v1', 'evidence.sample-sealed.v1', 'disclosure.result-published.v1'])(
    '%s declares no buyer, account or delivery address field anywhere',
    (topic) => {
      const schema = generated.schemas[`${SCHEMAS_DIR}/${topic}.value.json`];
      const names = JSON.stringify(schema).match(/"[A-Za-z]+":\{/g) ?? [];
      expect(names.filter((n) => /buyer|account|delivery|recipientAddress/i.test(n))).toEqual([]);
    },
  );
});
