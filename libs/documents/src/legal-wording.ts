/**
 * The wording every administrative document shares: numbers, periods and dates in words (a legal
 * document states "十五日", not "15日"), and the legal bases the sampling procedure rests on.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** 0–9999 in Chinese numerals as a period is written: 5 五, 10 十, 15 十五, 20 二十, 105 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is not 0–9999`);
  if (n === 0) return DIGITS[0];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[d] + unit;
  });
  // 十五, not 一十五: a leading one-ten drops its one.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** `自收到本通知书之日起十五日内` (`from`: the event the period runs from, e.g. 收到本通知书). */
export const withinDays = (days: number, from: string): string =>
  `自${from}之日起${chineseNumeral(days)}日内`;

/** `自收到检验结果之日起五个工作日内` */
export const withinWorkingDays = (days: number, from: string): string =>
  `自${from}之日起${chineseNumeral(days)}个工作日内`;

const YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** The date of a document's 落款 in words, Asia/Shanghai: `二〇二六年三月五日`. */
export function formatShanghaiDateInWords(instant: Date): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(instant)
    .split('-')
    .map(Number) as [number, number, number];
  const y = String(year)
    .split('')
    .map((d) => YEAR_DIGITS[Number(d)])
    .join('');
  return `${y}年${chineseNumeral(month)}月${chineseNumeral(day)}日`;
}

/** The laws and rules the sampling procedure applies, as documents cite them. */
export const LEGAL_SOURCES = {
  /** 《产品质量法》第十五条: the state's sampling inspection; 第十五条第三款 the re-inspection right. */
  productQualityLaw: '《中华人民共和国产品质量法》',
  circulationSampling: '《流通领域商品质量抽查检验办法》',
  circulationSupervision: '《流通领域商品质量监督管理办法》',
  onlineSamplingOpinion: '《工商总局关于加强和规范网络交易商品质量抽查检验的意见》（工商消字〔2015〕169号）',
  operatingRules: '《杭州市市场监督管理局网络交易商品质量抽查检验操作规程（试行）》',
  penaltyProcedure: '《市场监督管理行政处罚程序规定》',
} as const;

/*
 * Administrative remedies. Review (《中华人民共和国行政复议法》: within sixty days of knowing of the act)
 * and litigation (《中华人民共和国行政诉讼法》第四十六条: within six months) are stated on an administrative
 * act that decides a party's rights or obligations, such as the penalty decision a district bureau
 * makes on a case handed to it. The documents of the sampling procedure (sampling notice, result
 * notice and public notice, 《复检机构确定通知书》, materials checklist, re-sealing record, transfer
 * letter) notify, record or transfer: the recipient's remedy against the result they carry is the
 * re-inspection the rules provide (产品质量法第十五条, operating rules §6), and a transfer letter goes
 * between authorities. They state those rights and periods, not review or litigation; a document
 * that decides — a refusal of a re-inspection application, say — would state both.
 */

/** The objection period (operating rules §6): 15 days from receipt of the result notice or the public notice. */
export const OBJECTION_PERIOD_DAYS = 15;
/** The re-inspection procedures period (operating rules §6): 7 days from receipt of the 复检机构确定通知书. */
export const REINSPECTION_PROCEDURES_DAYS = 7;

/**
 * The re-inspection right as a result notice states it (operating rules §6, 第三): in writing,
 * 15 days from receipt of the notice or publication of the public notice, else accepted.
 */
export const objectionRight = (authority: string): string =>
  `被抽样的网络商品经营者或者标称生产者对检验结果有异议的，可以${withinDays(
    OBJECTION_PERIOD_DAYS,
    '收到本通知书（或公告通知发布）',
  )}，向${authority}提出书面复检申请，并提交检验结果通知书回执、书面复检申请书、主体资格证明；委托他人办理的，另附授权委托书和被授权人身份证明。逾期未提出书面复检申请的，视为对检验结果无异议。`;
