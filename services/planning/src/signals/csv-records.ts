import { StringDecoder } from 'node:string_decoder';

/** One CSV record (RFC 4180) with the line it starts on, or why it could not be read. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

type Parsed = string[] | { error: string; unclosed?: boolean };

/** Longest record (UTF-8 bytes, a quoted field may span lines) unless the caller says otherwise. */
const DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

export interface CsvReadOptions {
  /** A longer record is reported and skipped, never held: memory stays bounded whatever the body. */
  maxRecordBytes?: number;
}

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

/** Quotes in `s` between `from` and `to`. */
function quotesIn(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = s.indexOf('"', from); i >= 0 && i < to; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Streams CSV records from a body (UTF-8, optional BOM, LF or CRLF), a chunk at a time. Much
 * faster than a general CSV parser on the common case (no quotes: a plain split); a bad line is
 * reported and reading goes on with the next one.
 *
 * No record is held beyond `maxRecordBytes`: one longer (a line with no break, or a quoted field
 * that is not closed) is reported as soon as it passes the limit and the rest of it is skipped
 * without being kept — up to the next line break outside quotes, so a quote that never closes
 * swallows the rest of the body, in constant memory and linear time. A record spanning lines is
 * parsed again only when its quotes balance (an open quoted field stays open until a line brings
 * a quote), so each record costs time linear in its length.
 */
export async function* csvRecords(
  body: AsyncIterable<Buffer | string>,
  { maxRecordBytes = DEFAULT_MAX_RECORD_BYTES }: CsvReadOptions = {},
): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  /** The line being read (no line break yet) and its size. */
  let rest = '';
  let restBytes = 0;
  /** Lines read so far. */
  let line = 0;
  /**
   * The record so far (a quoted field open across lines), its first line, length, size in bytes
   * (-1 while too short to matter) and quotes (counted once it spans lines).
   */
  let pending = '';
  let pendingLine = 0;
  let pendingChars = 0;
  let pendingBytes = -1;
  let pendingQuotes = 0;
  let first = true;
  /** Skipping the rest of an over-long record; `skipInQuotes` while inside its open quoted field. */
  let skipping = false;
  let skipInQuotes = false;

  const tooLong = (out: CsvRecord[], at: number, inQuotes: boolean, lineDone: boolean) => {
    const why = inQuotes
      ? ': a quoted field is not closed (skipped up to its closing quote)'
      : lineDone
        ? ''
        : ' without a line break (skipped up to the next one)';
    out.push({ line: at, error: `the record is longer than ${maxRecordBytes} bytes${why}` });
    pending = '';
    pendingChars = 0;
    pendingBytes = -1;
    pendingQuotes = 0;
    first = false;
    skipping = inQuotes || !lineDone;
    skipInQuotes = inQuotes;
  };

  /** Adds a line's size to the record's; exact UTF-8 bytes only once it may be near the limit. */
  const grow = (text: string, joined: boolean) => {
    pendingChars += text.length + (joined ? 1 : 0);
    // At most 3 bytes per UTF-16 unit: a record this short cannot pass the limit.
    if (pendingChars * 3 <= maxRecordBytes) return;
    pendingBytes =
      pendingBytes < 0
        ? Buffer.byteLength(pending)
        : pendingBytes + Buffer.byteLength(text) + (joined ? 1 : 0);
  };

  const take = (raw: string, out: CsvRecord[]) => {
    line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let parsed: Parsed | null;
    if (pending === '') {
      if (text === '') return;
      pending = text;
      pendingLine = line;
      pendingChars = 0;
      pendingBytes = -1;
      pendingQuotes = 0;
      grow(text, false);
      parsed = splitCsvRecord(pending);
      if (!Array.isArray(parsed) && parsed.unclosed) pendingQuotes = quotesIn(text);
    } else {
      pending += `\n${text}`;
      grow(text, true);
      pendingQuotes += quotesIn(text);
      // An odd number of quotes: the open quoted field is still open, no need to parse again.
      parsed = pendingQuotes % 2 === 1 ? null : splitCsvRecord(pending);
    }
    const open = parsed === null || (!Array.isArray(parsed) && parsed.unclosed === true);
    if (pendingBytes > maxRecordBytes) return tooLong(out, pendingLine, open, true);
    if (open) return;
    if (Array.isArray(parsed)) out.push({ line: pendingLine, fields: parsed });
    else if (parsed) out.push({ line: pendingLine, error: parsed.error });
    pending = '';
  };

  const feed = (text: string, out: CsvRecord[]) => {
    let i = 0;
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      if (skipping) {
        if (quotesIn(text, i, end) % 2 === 1) skipInQuotes = !skipInQuotes;
        if (nl < 0) return;
        line++;
        if (!skipInQuotes) skipping = false;
      } else if (nl < 0) {
        const piece = text.slice(i);
        rest += piece;
        restBytes += Buffer.byteLength(piece);
        // The record's exact size while it is short is not kept; its length is a lower bound.
        const held = pending === '' ? 0 : pendingBytes >= 0 ? pendingBytes + 1 : pendingChars + 1;
        if (held + restBytes > maxRecordBytes) {
          const inQuotes = ((pending === '' ? 0 : pendingQuotes) + quotesIn(rest)) % 2 === 1;
          const at = pending === '' ? line + 1 : pendingLine;
          rest = '';
          restBytes = 0;
          tooLong(out, at, inQuotes, false);
        }
        return;
      } else {
        const raw = rest + text.slice(i, end);
        rest = '';
        restBytes = 0;
        take(raw, out);
      }
      i = nl + 1;
    }
  };

  for await (const chunk of body) {
    const out: CsvRecord[] = [];
    feed(typeof chunk === 'string' ? chunk : decoder.write(chunk), out);
    if (out.length > 0) yield out;
  }
  const out: CsvRecord[] = [];
  feed(decoder.end(), out);
  if (!skipping && rest !== '') take(rest, out);
  if (pending !== '') out.push({ line: pendingLine, error: 'a quoted field is not closed' });
  if (out.length > 0) yield out;
}
