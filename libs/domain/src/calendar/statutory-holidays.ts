/**
 * Holidays on fixed Gregorian dates by 《全国年节及纪念日放假办法》 art. 2: never working days, in any
 * year, whether or not that year's schedule is known. 元旦 1 January; 劳动节 1 May (1–3 May until
 * 2007, 1–2 May since the 2024 amendment took effect on 2025-01-01); 国庆节 1–3 October. The lunar
 * and solar-term holidays (春节, 清明, 端午, 中秋) move: only a year's schedule knows them.
 */
export interface StatutoryHoliday {
  date: string;
  name: string;
}

const labourDays = (year: number): number[] => (year <= 2007 ? [1, 2, 3] : year >= 2025 ? [1, 2] : [1]);

/** The fixed-date statutory holidays of `year`, in date order. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  return [
    { date: `${year}-01-01`, name: '元旦' },
    ...labourDays(year).map((d) => ({ date: `${year}-05-0${d}`, name: '劳动节' })),
    ...[1, 2, 3].map((d) => ({ date: `${year}-10-0${d}`, name: '国庆节' })),
  ];
}

/** The statutory holiday on `date` (`YYYY-MM-DD`), if it is one. */
export function statutoryHolidayOn(date: string): StatutoryHoliday | undefined {
  return statutoryHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}
