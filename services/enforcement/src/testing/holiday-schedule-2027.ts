import type { SubmitHolidayScheduleCommand } from '../calendar/submit-holiday-schedule.command';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/**
 * An illustrative 2027 schedule shaped like the State Council's notices (not the official one):
 * 春节 Friday 02-05 to Saturday 02-13 with Sunday 02-14 and Saturday 02-20 worked; 国庆节 10-01 to
 * 10-07 with Sunday 09-26 and Saturday 10-09 worked.
 */
export const holidaySchedule2027 = (
  over: Partial<SubmitHolidayScheduleCommand> = {},
): SubmitHolidayScheduleCommand => ({
  year: 2027,
  noticeReference: '国办发明电〔2026〕示例号',
  noticeUrl: 'https://www.gov.cn/zhengce/content/example-2027.htm',
  holidays: [
    { name: '元旦', dates: range('2027-01-01', '2027-01-03') },
    { name: '春节', dates: range('2027-02-05', '2027-02-13') },
    { name: '清明节', dates: range('2027-04-03', '2027-04-05') },
    { name: '劳动节', dates: range('2027-05-01', '2027-05-05') },
    { name: '端午节', dates: ['2027-06-09'] },
    { name: '中秋节', dates: ['2027-09-15'] },
    { name: '国庆节', dates: range('2027-10-01', '2027-10-07') },
  ],
  adjustedWorkingDays: ['2027-02-14', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
  ...over,
});
