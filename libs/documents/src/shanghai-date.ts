/** Documents show dates in Asia/Shanghai (UTC+8, no daylight saving), Chinese style. */
const parts = (instant: Date): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );

/** `2026年3月5日` */
export function formatShanghaiDate(instant: Date): string {
  const p = parts(instant);
  return `${p['year']}年${Number(p['month'])}月${Number(p['day'])}日`;
}

/** `2026年3月5日 11:00` */
export function formatShanghaiDateTime(instant: Date): string {
  const p = parts(instant);
  return `${p['year']}年${Number(p['month'])}月${Number(p['day'])}日 ${p['hour']}:${p['minute']}`;
}
