/** UTF-8 byte order mark: spreadsheet software then reads the Chinese text as UTF-8. */
export const BOM = '\uFEFF';

/** What a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break. Any text — a string, or
 * a list joined with a Chinese semicolon — starting with = + - @ tab or CR gets a leading
 * apostrophe so a spreadsheet never runs it as a formula; numbers and booleans are left as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('；') : String(value);
  const isText = typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean';
  if (isText && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
