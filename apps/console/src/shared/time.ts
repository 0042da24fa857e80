/** Times are stored and sent in UTC; staff read them in Asia/Shanghai. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function shanghaiTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatter(language, true).format(d);
}

export function shanghaiDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatter(language, false).format(d);
}

/** 分 → 元 with two decimals. */
export const yuan = (fen: number | null | undefined): string => (fen == null ? '—' : (fen / 100).toFixed(2));
