/** UTF-8 byte order mark: spreadsheet software then reads the Chinese text as UTF-8. */
export const BOM = '\uFEFF';

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break. A text starting with
 * = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('；') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
