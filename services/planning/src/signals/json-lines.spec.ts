import { Readable } from 'node:stream';
import { jsonLines, type JsonLine } from './json-lines';

const read = async (chunks: string[], maxLineBytes = 1024): Promise<JsonLine[]> => {
  const all: JsonLine[] = [];
  for await (const batch of jsonLines(Readable.from(chunks.map((c) => Buffer.from(c))), { maxLineBytes }))
    all.push(...batch);
  return all;
};

describe('NDJSON lines', () => {
  it('numbers records as the non-empty lines come, across chunks and CRLF, and reports bad JSON', async () => {
    expect(await read(['{"a":1}\r\n\n{"b":', '"蚕丝被"}\n{nope\n', '[1]'])).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 2, value: { b: '蚕丝被' } },
      { row: 3, error: 'is not valid JSON' },
      { row: 4, value: [1] },
    ]);
  });

  it('reports a line longer than the limit as soon as it passes it, and goes on after its line break', async () => {
    const seen: JsonLine[] = [];
    let chunksAtError = -1;
    let chunks = 0;
    async function* body(): AsyncGenerator<string> {
      yield '{"a":1}\n{"title":"';
      for (let i = 0; i < 100; i++) {
        chunks++;
        yield 'y'.repeat(512);
      }
      yield '"}\n{"b":2}\n';
    }
    for await (const batch of jsonLines(body(), { maxLineBytes: 1024 })) {
      if (batch.some((l) => 'error' in l) && chunksAtError < 0) chunksAtError = chunks;
      seen.push(...batch);
    }
    expect(chunksAtError).toBeLessThanOrEqual(3);
    expect(seen).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 2, error: expect.stringMatching(/longer than 1024 bytes without a line break/) },
      { row: 3, value: { b: 2 } },
    ]);
  });

  it('reports a whole line over the limit, counted in UTF-8 bytes', async () => {
    expect(await read([`"${'蚕'.repeat(400)}"\n"${'蚕'.repeat(300)}"\n`])).toEqual([
      { row: 1, error: 'the line is longer than 1024 bytes' },
      { row: 2, value: '蚕'.repeat(300) },
    ]);
  });
});
