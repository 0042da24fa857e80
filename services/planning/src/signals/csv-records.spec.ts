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
});
