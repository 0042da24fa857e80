import type { OrderPlacedValue, ReportIssuedValue, SampleSealedValue } from '@qis/contracts';
import { shanghaiDate } from '@qis/domain';

const verdictText = (verdict: string): string => (verdict === 'pass' ? '合格' : '不合格');

const productLines = (order: OrderPlacedValue, sealed: SampleSealedValue): string[] => [
  `被抽样经营者：${order.seller.name}（店铺：${order.seller.shopName}）`,
  `样品名称：${sealed.claimed.sampleName}`,
  `规格型号：${sealed.claimed.specModel ?? '未标注'}`,
  `标称商标：${sealed.claimed.brand ?? '未标注'}`,
  `标称生产者：${sealed.claimed.producerName ?? '未标注'}`,
  `网络链接：${order.listing.url}`,
  `订单编号：${order.orderNumber}`,
  `第三方交易平台：${order.platform?.name ?? '无（经营者自建网站）'}`,
  `样品编号：${sealed.sampleCode}`,
];

/** 《网络商品质量抽查检验通知书》, sent with the work order after sealing. */
export const samplingNoticeText = (
  noticeNumber: string,
  recipientName: string,
  order: OrderPlacedValue,
  sealed: SampleSealedValue,
): string =>
  [
    '网络商品质量抽查检验通知书',
    `编号：${noticeNumber}`,
    `${recipientName}：`,
    `本局依法对下列网络商品进行质量抽查检验，样品已于${shanghaiDate(new Date(sealed.sealedAt))}封样，工作单编号${sealed.workOrderNumber}。`,
    ...productLines(order, sealed),
  ].join('\n');

/** 《抽检结果通知书》 (or its public-notice form) with the report that stands; a corrected one names the notice it replaces. */
export const resultNoticeText = (
  noticeNumber: string,
  recipientName: string,
  order: OrderPlacedValue,
  sealed: SampleSealedValue,
  report: ReportIssuedValue,
  publicNotice: boolean,
  corrects?: { noticeNumber: string; reportNumber: string | null },
): string =>
  [
    `网络商品质量抽查检验结果${corrects ? '更正' : ''}${publicNotice ? '公告' : '通知书'}`,
    `编号：${noticeNumber}`,
    publicNotice ? '因经营者地址不详等原因无法送达，现予公告：' : `${recipientName}：`,
    ...(corrects
      ? [
          `检验机构已出具更正后的检验报告（报告编号${report.reportNumber}），替代原检验报告（报告编号${corrects.reportNumber ?? '未知'}）。本${publicNotice ? '公告' : '通知书'}更正并替代编号${corrects.noticeNumber}的结果${publicNotice ? '公告' : '通知书'}，以本${publicNotice ? '公告' : '通知书'}为准。`,
        ]
      : []),
    ...productLines(order, sealed),
    `检验机构：${report.labName}，报告编号：${report.reportNumber}${report.purpose === 're-inspection' ? '（复检）' : ''}`,
    `检验结论：${verdictText(report.verdict)}`,
    ...(report.failingItems.length > 0 ? [`主要不合格项目：${report.failingItems.join('、')}`] : []),
    report.purpose === 're-inspection'
      ? '本复检结论为最终检验结论。'
      : '对检验结果有异议的，可自收到本通知书（或公告发布）之日起十五日内向本局提出书面复检申请；逾期未提出的，视为对检验结果无异议。',
  ].join('\n');
