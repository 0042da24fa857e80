import type { Authority } from '@qis/contracts';
import {
  formatShanghaiDate,
  formatShanghaiDateInWords,
  LEGAL_SOURCES,
  withinWorkingDays,
  type DocumentSpec,
} from '@qis/documents';
import type { BatchFile } from '../../kernel/batch-file.entity';

/** One item of the evidence list: what it is, its object id in the evidence service, its SHA-256. */
export interface LetterEvidence {
  name: string;
  kind: string;
  objectId: string;
  sha256: string | null;
}

export interface TransferLetterFacts {
  letterNumber: string;
  issuerName: string;
  recipient: Authority;
  copiedTo: Authority[];
  caseId: string;
  policyRow: string;
  batch: BatchFile;
  evidence: LetterEvidence[];
  issuedAt: Date;
}

const RULES = '《杭州市市场监督管理局网络交易商品质量抽查检验操作规程（试行）》';
/** Days the receiving authority has to verify the case and decide whether to open it (立案), extendable once. */
const VERIFY_WORKING_DAYS = 15;
/** 市场监督管理行政处罚程序规定 第十八条: a case outside one's jurisdiction is transferred. */
const TRANSFER =
  '《市场监督管理行政处罚程序规定》第十八条（不属于本部门管辖的案件，应当移送有管辖权的市场监督管理部门）';

/** The legal basis of the transfer, by the routing policy row that chose it. */
export function transferBasis(policyRow: string, recipient: Authority): string {
  const provincial = /^\d{2}0000$/.test(recipient.areaCode);
  switch (policyRow) {
    case 'province-seller-outside-platform':
      return provincial
        ? `${RULES}第二条第（三）项：通过非本市辖区内依法登记的第三方交易平台、由本省辖区内依法登记的网络商品经营者经营的商品，依照省级市场监督管理部门的要求交办；${TRANSFER}`
        : `${RULES}第二条第（三）项，依照省级市场监督管理部门的要求交有管辖权的部门处理；${TRANSFER}`;
    case 'city-seller-outside-platform':
      return `${RULES}“谁抽检，谁交办”及属地管辖原则：通过第三方交易平台从事经营活动的，交第三方交易平台经营者住所所在地市场监督管理部门处理；${TRANSFER}`;
    default:
      return `${RULES}“谁抽检，谁交办”及属地管辖原则：交网络商品经营者住所所在地市场监督管理部门处理；${TRANSFER}`;
  }
}

const BASES: Record<string, string> = {
  'no-objection': '被抽样经营者在法定期限内未提出复检申请',
  'objection-refused': '复检申请未获批准',
  're-inspection-waived': '复检申请人未在期限内办理复检手续，视为放弃复检',
  're-inspection': '复检结论为不合格',
};

/**
 * The text of a case transfer letter (案件移送函) in Chinese: issuing and receiving authority, legal
 * basis, the case facts and the evidence list (object ids, kinds and SHA-256 in the evidence service).
 */
export function draftTransferLetter(f: TransferLetterFacts): DocumentSpec {
  const order = f.batch.order;
  const sealed = f.batch.sealed;
  const report = f.batch.standingReport;
  const seller = order?.seller;
  const none = '—';
  const fields = [
    { label: '移送机关', value: f.issuerName },
    { label: '接收机关', value: f.recipient.name },
    { label: '批次编号', value: f.batch.batchNumber },
    { label: '案件编号', value: f.caseId },
    { label: '样品名称', value: sealed?.claimed.sampleName ?? order?.listing.title ?? none },
    { label: '标称商标', value: sealed?.claimed.brand ?? none },
    { label: '标称生产者', value: sealed?.claimed.producerName ?? none },
    { label: '规格型号', value: sealed?.claimed.specModel ?? none },
    {
      label: '网络商品经营者',
      value: seller
        ? `${seller.name}${seller.unifiedSocialCreditCode ? `（统一社会信用代码 ${seller.unifiedSocialCreditCode}）` : ''}`
        : none,
    },
    { label: '经营者住所', value: seller?.registeredAddress ?? seller?.registeredAreaCode ?? none },
    { label: '网店名称及网址', value: seller ? `${seller.shopName} ${seller.shopUrl}` : none },
    { label: '商品链接', value: order?.listing.url ?? none },
    { label: '订单编号', value: order?.orderNumber ?? none },
    {
      label: '第三方交易平台',
      value: order?.platform
        ? `${order.platform.name}（平台经营者：${order.platform.operatorName}）`
        : '无（经营者自建网站）',
    },
    { label: '检验机构', value: report?.labName ?? none },
    { label: '检验报告编号', value: report?.reportNumber ?? none },
    { label: '检验结论', value: report?.verdict === 'fail' ? '不合格' : report ? '合格' : none },
    { label: '主要不合格项目', value: report?.failingItems.join('、') || none },
    {
      label: '结果确定',
      value: f.batch.finalAt
        ? `${formatShanghaiDate(f.batch.finalAt)}（${BASES[f.batch.finalBasis ?? ''] ?? f.batch.finalBasis ?? ''}）`
        : none,
    },
    { label: '交办规则', value: f.policyRow },
    { label: '抄送', value: f.copiedTo.map((a) => a.name).join('、') || none },
  ];
  // Paragraphs only: pdftotext reads each fact and each hash back on one line (table cells wrap).
  return {
    title: '案件移送函',
    number: f.letterNumber,
    addressee: f.recipient.name,
    paragraphs: [
      `我局在网络交易商品质量抽查检验中依法抽样检验的下列批次商品，经检验不合格，检验结果已经确定。经审查，该案件不属于我局管辖，现依法移送你局处理。`,
      `移送依据：${transferBasis(f.policyRow, f.recipient)}。`,
      `请你局收到本函后依法调查处理，并将处理结果反馈我局。`,
      '一、案件基本情况',
      ...fields.map((field) => `${field.label}：${field.value}`),
      '二、证据清单（原件由我局证据系统加密保存，可凭对象编号及SHA-256校验值核验）',
      ...(f.evidence.length === 0 ? ['（无）'] : []),
      ...f.evidence.flatMap((e, i) => [
        `${i + 1}. ${e.name}（类别：${e.kind}）`,
        `对象编号：${e.objectId}`,
        `SHA-256：${e.sha256 ?? '见证据系统保管链记录'}`,
      ]),
    ],
    rights: [
      `依照${LEGAL_SOURCES.penaltyProcedure}，受移送机关应当${withinWorkingDays(VERIFY_WORKING_DAYS, '收到本函及所附材料')}予以核查，决定是否立案；特殊情况下，经本机关负责人批准，可以延长十五个工作日。`,
      '受移送机关对管辖权有异议的，应当报请共同的上一级市场监督管理部门指定管辖，不得再自行移送。',
    ],
    authority: f.issuerName,
    issuer: f.issuerName,
    issuedOn: formatShanghaiDateInWords(f.issuedAt),
    author: 'QIS enforcement',
  };
}
