import { Readable } from 'node:stream';
import { csvRecords, splitCsvRecord, type CsvRecord } from './csv-records';

const read = async (chunks: string[]): Promise<CsvRecord[]> => {
  const all: CsvRecord[] = [];
  for await (const batch of csvRecords(Readable.from(chunks.map((c) => Buffer.from(c))))) all.push(...batch);
  return all;
};

describe('CSV records', () => {
  it('splits plain and quoted fields, with doubled quotes and commas inside quotes', () => {
    expect(splitCsvRecord('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvRecord('"a,1","say ""hi""",x,')).toEqual(['a,1', 'say "hi"', 'x', '']);
  });

  it('refuses a quote inside an unquoted field', () => {
    expect(splitCsvRecord('a,b"c,d')).toEqual({ error: 'a quote inside an unquoted field (column 2)' });
  });

  it('numbers records by the line they start on, across chunks, BOM and CRLF', async () => {
    const records = await read(['\uFEFFh1,h2\r\n1,"multi\nli', 'ne"\r\n\r\n3,x"y\n4,', '5']);
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['1', 'multi\nline'] },
      { line: 5, error: 'a quote inside an unquoted field (column 2)' },
      { line: 6, fields: ['4', '5'] },
    ]);
  });

  it('keeps multi-byte characters split between chunks', async () => {
    const bytes = Buffer.from('名,值\n蚕丝被,1\n');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5)];
    const all: CsvRecord[] = [];
    for await (const batch of csvRecords(Readable.from(chunks))) all.push(...batch);
    expect(all).toEqual([
      { line: 1, fields: ['名', '值'] },
      { line: 2, fields: ['蚕丝被', '1'] },
    ]);
  });

  it('reports a quoted field left open at the end', async () => {
    expect(await read(['a,b\n1,"open'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'a quoted field is not closed' },
    ]);
  });

  describe('with a bounded record size', () => {
    const CHUNK = 64 * 1024;
    /** `head`, then `total` bytes of `fill` in chunks; counts the bytes the reader has pulled. */
    const endless = (head: string, fill: string, total: number) => {
      const pulled = { bytes: 0 };
      async function* body(): AsyncGenerator<Buffer> {
        pulled.bytes += head.length;
        yield Buffer.from(head);
        const chunk = Buffer.from(fill.repeat(Math.ceil(CHUNK / fill.length))).subarray(0, CHUNK);
        for (let sent = 0; sent < total; sent += chunk.length) {
          pulled.bytes += chunk.length;
          yield chunk;
        }
      }
      return { body: body(), pulled };
    };

    it('reports a record with no line break as soon as it passes the limit, holding no more than that', async () => {
      const { body, pulled } = endless('a,b\n1,', 'x', 20 * 1024 * 1024);
      const seen: CsvRecord[] = [];
      let pulledAtError = -1;
      for await (const batch of csvRecords(body, { maxRecordBytes: 64 * 1024 })) {
        for (const r of batch) if ('error' in r && pulledAtError < 0) pulledAtError = pulled.bytes;
        seen.push(...batch);
      }
      expect(seen).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, error: expect.stringMatching(/longer than 65536 bytes/) },
      ]);
      // Reported while reading, not after buffering the whole 20 MB.
      expect(pulledAtError).toBeGreaterThan(0);
      expect(pulledAtError).toBeLessThanOrEqual(64 * 1024 + 2 * CHUNK + 16);
    });

    it('reads 20 MB of lines inside a quote that never closes in linear time, as one bad record', async () => {
      const { body, pulled } = endless(
        'a,b\n1,"open\n',
        'lorem ipsum dolor sit amet, 蚕丝被\n',
        20 * 1024 * 1024,
      );
      const started = Date.now();
      const seen: CsvRecord[] = [];
      for await (const batch of csvRecords(body, { maxRecordBytes: 64 * 1024 })) seen.push(...batch);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pulled.bytes).toBeGreaterThan(20 * 1024 * 1024);
      expect(seen).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, error: expect.stringMatching(/longer than 65536 bytes.*quoted field.*not closed/) },
      ]);
    });

    it('skips an over-long quoted field up to its closing quote and goes on with the next record', async () => {
      const long = Array.from({ length: 40 }, (_, i) => `line ${i} ${'y'.repeat(40)}`).join('\n');
      const records = await readWith(['a,b\n', `1,"${long}`, '"\n', '2,"short ""quoted"""\n3,z\n'], 1024);
      expect(records).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, error: expect.stringMatching(/longer than 1024 bytes/) },
        { line: 42, fields: ['2', 'short "quoted"'] },
        { line: 43, fields: ['3', 'z'] },
      ]);
    });

    it('counts the limit in UTF-8 bytes and keeps records up to it', async () => {
      const fits = '蚕'.repeat(300); // 900 bytes
      const records = await readWith([`a\n${fits}\n${'蚕'.repeat(400)}\nok\n`], 1024);
      expect(records).toEqual([
        { line: 1, fields: ['a'] },
        { line: 2, fields: [fits] },
        { line: 3, error: expect.stringMatching(/longer than 1024 bytes/) },
        { line: 4, fields: ['ok'] },
      ]);
    });
  });
});

async function readWith(chunks: string[], maxRecordBytes: number): Promise<CsvRecord[]> {
  const all: CsvRecord[] = [];
  for await (const batch of csvRecords(Readable.from(chunks.map((c) => Buffer.from(c))), { maxRecordBytes }))
    all.push(...batch);
  return all;
}
