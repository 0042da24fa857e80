const DIGITS = '〇一二三四五六七八九';

/** 1–31 as a month or day is written in words: 5 五, 10 十, 15 十五, 20 二十, 31 三十一. */
const small = (n: number): string =>
  n < 10
    ? (DIGITS[n] as string)
    : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;

/**
 * A day (`2026-03-05`; default today in Asia/Shanghai) as a document's date in words,
 * `二〇二六年三月五日`: written out here independently of `@qis/documents`, so tests check its output.
 */
export function dateInWords(
  isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return `${[...String(y)].map((c) => DIGITS[Number(c)]).join('')}年${small(m)}月${small(d)}日`;
}
