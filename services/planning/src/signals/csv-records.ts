import { StringDecoder } from 'node:string_decoder';

/** One CSV record (RFC 4180) with the line it starts on, or why it could not be read. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

type Parsed = string[] | { error: string; unclosed?: boolean };

/** Longest record (a quoted field may span lines) before it is reported as unreadable. */
const MAX_RECORD_CHARS = 1 << 20;

/** Splits one record; `unclosed` when a quoted field is still open at the end (it continues on the next line). */
export function splitCsvRecord(s: string): Parsed {
  if (!s.includes('"')) return s.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const j = s.indexOf('"', i);
        if (j < 0) return { error: 'a quoted field is not closed', unclosed: true };
        value += s.slice(i, j);
        if (s.charCodeAt(j + 1) === 34) {
          value += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      fields.push(value);
      if (i === s.length) return fields;
      if (s.charCodeAt(i) !== 44)
        return { error: `a quoted field must end at a comma (column ${fields.length})` };
      i++;
    } else {
      const j = s.indexOf(',', i);
      const value = s.slice(i, j < 0 ? s.length : j);
      if (value.includes('"'))
        return { error: `a quote inside an unquoted field (column ${fields.length + 1})` };
      fields.push(value);
      if (j < 0) return fields;
      i = j + 1;
    }
  }
}

/**
 * Streams CSV records from a body (UTF-8, optional BOM, LF or CRLF), a chunk at a time. Much
 * faster than a general CSV parser on the common case (no quotes: a plain split); a bad line is
 * reported and reading goes on with the next one.
 */
export async function* csvRecords(body: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  let pending = '';
  let pendingLine = 0;
  let first = true;
  const take = (raw: string, out: CsvRecord[]) => {
    line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (pending === '') {
      if (text === '') return;
      pending = text;
      pendingLine = line;
    } else pending += `\n${text}`;
    const parsed = splitCsvRecord(pending);
    if (Array.isArray(parsed)) out.push({ line: pendingLine, fields: parsed });
    else if (parsed.unclosed && pending.length < MAX_RECORD_CHARS) return;
    else out.push({ line: pendingLine, error: parsed.error });
    pending = '';
  };
  for await (const chunk of body) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    const out: CsvRecord[] = [];
    for (const l of lines) take(l, out);
    if (out.length > 0) yield out;
  }
  const out: CsvRecord[] = [];
  rest += decoder.end();
  if (rest !== '') take(rest, out);
  if (pending !== '') out.push({ line: pendingLine, error: 'a quoted field is not closed' });
  if (out.length > 0) yield out;
}
