import {
  chineseNumeral,
  formatShanghaiDateInWords,
  objectionRight,
  withinDays,
  withinWorkingDays,
} from './legal-wording';

describe('legal wording', () => {
  it.each([
    [0, '零'],
    [5, '五'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [31, '三十一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [2026, '二千零二十六'],
  ])('writes %i as %s', (n, words) => expect(chineseNumeral(n)).toBe(words));

  it('refuses what is not a whole number from 0 to 9999', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });

  it('states periods in words from the event they run from', () => {
    expect(withinDays(15, '收到本通知书')).toBe('自收到本通知书之日起十五日内');
    expect(withinWorkingDays(5, '收到检验结果')).toBe('自收到检验结果之日起五个工作日内');
  });

  it('writes the date in words in Asia/Shanghai: 2026-12-31T16:30Z is 2027-01-01 there', () => {
    expect(formatShanghaiDateInWords(new Date('2026-12-31T16:30:00Z'))).toBe('二〇二七年一月一日');
    expect(formatShanghaiDateInWords(new Date('2026-03-15T02:00:00Z'))).toBe('二〇二六年三月十五日');
    expect(formatShanghaiDateInWords(new Date('2026-10-20T02:00:00Z'))).toBe('二〇二六年十月二十日');
  });

  it('states the re-inspection right with its fifteen days and who receives the application', () => {
    expect(objectionRight('杭州市市场监督管理局')).toContain(
      '自收到本通知书（或公告通知发布）之日起十五日内，向杭州市市场监督管理局提出书面复检申请',
    );
  });
});
