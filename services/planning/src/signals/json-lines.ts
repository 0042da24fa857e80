import { StringDecoder } from 'node:string_decoder';

/** One NDJSON record, numbered as the non-empty lines come, or why it could not be read. */
export type JsonLine = { row: number; value: unknown } | { row: number; error: string };

/**
 * Streams NDJSON records from a body (UTF-8, LF or CRLF), a chunk at a time; empty lines are
 * skipped. No line is held beyond `maxLineBytes`: a longer one (a missing line break) is reported
 * as soon as it passes the limit and the rest of it is skipped, up to the next line break, without
 * being kept.
 */
export async function* jsonLines(
  body: AsyncIterable<Buffer | string>,
  { maxLineBytes }: { maxLineBytes: number },
): AsyncGenerator<JsonLine[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let restBytes = 0;
  let row = 0;
  let skipping = false;

  const take = (raw: string, out: JsonLine[]) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text === '') return;
    row++;
    if (Buffer.byteLength(text) > maxLineBytes) {
      out.push({ row, error: `the line is longer than ${maxLineBytes} bytes` });
      return;
    }
    try {
      out.push({ row, value: JSON.parse(text) as unknown });
    } catch {
      out.push({ row, error: 'is not valid JSON' });
    }
  };

  const feed = (text: string, out: JsonLine[]) => {
    let i = 0;
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      if (skipping) {
        if (nl < 0) return;
        skipping = false;
      } else if (nl < 0) {
        const piece = text.slice(i);
        rest += piece;
        restBytes += Buffer.byteLength(piece);
        if (restBytes > maxLineBytes) {
          row++;
          out.push({
            row,
            error: `the line is longer than ${maxLineBytes} bytes without a line break (skipped up to the next one)`,
          });
          rest = '';
          restBytes = 0;
          skipping = true;
        }
        return;
      } else {
        const raw = rest + text.slice(i, nl);
        rest = '';
        restBytes = 0;
        take(raw, out);
      }
      i = nl + 1;
    }
  };

  for await (const chunk of body) {
    const out: JsonLine[] = [];
    feed(typeof chunk === 'string' ? chunk : decoder.write(chunk), out);
    if (out.length > 0) yield out;
  }
  const out: JsonLine[] = [];
  feed(decoder.end(), out);
  if (!skipping && rest !== '') take(rest, out);
  if (out.length > 0) yield out;
}
