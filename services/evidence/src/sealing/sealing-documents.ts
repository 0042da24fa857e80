import {
  formatShanghaiDate,
  formatShanghaiDateInWords,
  formatShanghaiDateTime,
  LEGAL_SOURCES,
  objectionRight,
  REINSPECTION_PROCEDURES_DAYS,
  withinDays,
  withinWorkingDays,
  type DocumentSpec,
  type LabelSpec,
} from '@qis/documents';
import type { ExpectedParcel } from '../intake/expected-parcel.entity';
import type { UnpackingSession } from '../unpacking/unpacking-session.entity';
import type { ResealCommand } from './reseal.command';
import type { ResealRole } from './reseal-parties';
import type { Sealing } from './sealing.entity';

const ROLE_LABEL = {
  buyer: '买样人',
  'enforcement-officer': '执法人员',
  'lab-staff': '承检机构人员',
} as const;

const claimedFields = (session: UnpackingSession) => [
  { label: '样品名称', value: session.claimed.sampleName },
  { label: '标称商标', value: session.claimed.brand ?? '无' },
  { label: '标称生产者', value: session.claimed.producerName ?? '无' },
  { label: '产品标准', value: session.claimed.productStandard ?? '无' },
  { label: '规格型号', value: session.claimed.specModel ?? '无' },
  { label: '生产日期或批号', value: session.claimed.productionDate ?? session.claimed.lotNumber ?? '无' },
];

/** 《网络商品质量抽查检验工作单》, filled and signed after sealing. The buyer appears by buyer code only. */
export function workOrderDocument(
  issuer: string,
  order: ExpectedParcel,
  session: UnpackingSession,
  sealing: Sealing,
): DocumentSpec {
  return {
    title: '网络商品质量抽查检验工作单',
    number: sealing.workOrderNumber,
    author: issuer,
    fields: [
      { label: '批次编号', value: sealing.batchNumber },
      { label: '样品编号', value: sealing.sampleCode },
      ...claimedFields(session),
      { label: '网络商品经营者', value: order.seller.name },
      { label: '店铺名称', value: order.seller.shopName },
      { label: '商品链接', value: order.listing.url },
      { label: '第三方交易平台', value: order.platform?.name ?? '无（经营者自建网站）' },
      { label: '订单编号', value: order.orderNumber },
      { label: '快递单号', value: `${order.carrier} ${order.trackingNumber}` },
      { label: '封样时间', value: formatShanghaiDateTime(sealing.sealedAt) },
      { label: '备份样品存放地点', value: sealing.backupStorageLocation },
    ],
    tables: [
      {
        caption: '样品封存情况',
        columns: ['样品', '封样条编号', '数量'],
        rows: [
          ['检验用样品', sealing.testSealNumber, String(sealing.testUnits)],
          ['备份样品', sealing.backupSealNumber, String(sealing.backupUnits)],
        ],
      },
    ],
    signatures: [
      ...session.participants
        .filter((p) => p.role === 'buyer')
        .map((p) => ({ role: ROLE_LABEL.buyer, name: p.name })),
      ...sealing.signatures.map((s) => ({
        role: ROLE_LABEL[s.role],
        name: s.name,
        signedAt: formatShanghaiDateTime(new Date(s.signedAt)),
      })),
    ],
    issuer,
    issuedOn: formatShanghaiDate(sealing.sealedAt),
  };
}

/** Working days the bureau has to send the result notice with the report (operating rules §6, 其次). */
const RESULT_NOTICE_WORKING_DAYS = 5;

/**
 * 《网络商品质量抽查检验通知书》 to the seller, copied to the platform operator when bought on one
 * (operating rules §5, 最后): who issues it and on what basis, what was sampled, and the rights that
 * follow with their periods in words.
 */
export function samplingNoticeDocument(
  issuer: string,
  order: ExpectedParcel,
  session: UnpackingSession,
  sealing: Sealing,
): DocumentSpec {
  const S = LEGAL_SOURCES;
  return {
    authority: issuer,
    title: '网络商品质量抽查检验通知书',
    number: `TZ-${sealing.batchNumber}`,
    author: issuer,
    addressee: order.seller.name,
    paragraphs: [
      `本局通过网络交易方式购买了你方经营的上列商品，并已于${formatShanghaiDateTime(sealing.sealedAt)}拆包查验、封样，检验用样品送承检机构检验，备份样品由本局保管。随附《网络商品质量抽查检验工作单》（编号${sealing.workOrderNumber}）。`,
    ],
    fields: [
      { label: '店铺名称', value: order.seller.shopName },
      { label: '经营者地址', value: order.seller.registeredAddress ?? '以营业执照或平台提供的地址为准' },
      { label: '商品链接', value: order.listing.url },
      { label: '订单编号', value: order.orderNumber },
      {
        label: '第三方交易平台',
        value: order.platform ? `${order.platform.name}（${order.platform.operatorName}）` : '无',
      },
      ...claimedFields(session),
      { label: '样品编号', value: sealing.sampleCode },
      { label: '工作单编号', value: sealing.workOrderNumber },
    ],
    legalBasis: `${S.productQualityLaw}第十五条、${S.circulationSampling}、${S.onlineSamplingOpinion}及${S.operatingRules}。`,
    rights: [
      `本局将${withinWorkingDays(RESULT_NOTICE_WORKING_DAYS, '收到检验结果')}将《检验报告》和《抽检结果通知书》送达你方。`,
      objectionRight(issuer),
      '你方有权核对本通知书及所附工作单载明的商品和封样信息，认为有误的，可以向本局书面提出。',
    ],
    issuer,
    issuedOn: formatShanghaiDateInWords(sealing.sealedAt),
    ...(order.platform ? { copiedTo: [`${order.platform.operatorName}（第三方交易平台经营者）`] } : {}),
  };
}

const RESEAL_ROLE_LABEL: Record<ResealRole, string> = {
  applicant: '复检申请人',
  'original-lab': '原检验机构',
  'reinspection-lab': '复检机构',
  'enforcement-officer': '市场监督管理执法人员',
  'lab-staff': '承检机构人员',
  buyer: '买样人',
};
/** The four parties of operating rules §6 (第四) first, in the rule's order; extra signers after them. */
const RESEAL_ORDER: ResealRole[] = [
  'applicant',
  'original-lab',
  'reinspection-lab',
  'enforcement-officer',
  'lab-staff',
  'buyer',
];

/**
 * 《复检封样记录》: the re-inspection sample re-sealed and signed again by the applicant, the original
 * lab, the re-inspection lab and enforcement officers (operating rules §6, 第四), each party named
 * with a signature line.
 */
export function resealRecordDocument(
  issuer: string,
  sealing: Sealing,
  session: UnpackingSession,
  command: ResealCommand,
  previousSeal: string,
  resealedAt: Date,
): DocumentSpec {
  // The buyer's identity never reaches sellers or labs: a buyer who signs is shown by role only.
  const signers = [...command.signatures]
    .sort((a, b) => RESEAL_ORDER.indexOf(a.role) - RESEAL_ORDER.indexOf(b.role))
    .map((s) => ({ ...s, name: s.role === 'buyer' ? '（身份保密）' : s.name.trim() }));
  const parties = RESEAL_ORDER.flatMap((role) => {
    const names = [...new Set(signers.filter((s) => s.role === role).map((s) => s.name))];
    return names.length > 0 ? [{ label: RESEAL_ROLE_LABEL[role], value: names.join('、') }] : [];
  });
  return {
    authority: issuer,
    title: '复检封样记录',
    number: `FF-${sealing.batchNumber}-${command.newSealNumber}`,
    author: issuer,
    fields: [
      { label: '批次编号', value: sealing.batchNumber },
      { label: '样品编号', value: sealing.sampleCode },
      ...claimedFields(session),
      { label: '复检样品', value: command.sample === 'backup' ? '备份样品' : '原检验用样品' },
      { label: '原封样条编号', value: previousSeal },
      { label: '新封样条编号', value: command.newSealNumber },
      { label: '封样事由', value: command.reason },
      { label: '封样时间', value: formatShanghaiDateTime(resealedAt) },
      ...parties,
    ],
    paragraphs: [
      '复检申请人、原检验机构、复检机构和市场监督管理执法人员共同对上述复检样品重新签字确认并封样，样品交复检机构检验。',
    ],
    legalBasis: `${LEGAL_SOURCES.circulationSampling}及${LEGAL_SOURCES.operatingRules}关于复检手续的规定（复检申请人、原检验机构、复检机构、市场监督管理执法人员应当对复检样品重新签字确认并封样，交复检机构检验）。`,
    rights: [
      `复检申请人、复检机构应当${withinDays(REINSPECTION_PROCEDURES_DAYS, '收到《复检机构确定通知书》')}办理复检手续；复检申请人未办理复检手续的，视为放弃复检。`,
      '各方对封样过程或本记录所载内容有异议的，有权在签字前提出，并由执法人员在本记录中注明。',
    ],
    signatures: signers.map((s) => ({
      role: RESEAL_ROLE_LABEL[s.role],
      name: s.name,
      signedAt: formatShanghaiDateTime(new Date(s.signedAt)),
    })),
    issuer,
    issuedOn: formatShanghaiDateInWords(resealedAt),
  };
}

/** One label for the test sample, one for the backup sample. */
export function sampleLabels(session: UnpackingSession, sealing: Sealing): LabelSpec[] {
  const common = [
    { label: '样品名称', value: session.claimed.sampleName },
    { label: '批次编号', value: sealing.batchNumber },
    { label: '封样日期', value: formatShanghaiDate(sealing.sealedAt) },
  ];
  return [
    {
      title: '检验用样品',
      code: `${sealing.sampleCode}-T`,
      qrContent: `qis:sample:${sealing.sampleCode}:test:${sealing.testSealNumber}`,
      lines: [
        { label: '样品编号', value: sealing.sampleCode },
        { label: '封样条编号', value: sealing.testSealNumber },
        ...common,
      ],
    },
    {
      title: '备份样品',
      code: `${sealing.sampleCode}-B`,
      qrContent: `qis:sample:${sealing.sampleCode}:backup:${sealing.backupSealNumber}`,
      lines: [
        { label: '样品编号', value: sealing.sampleCode },
        { label: '封样条编号', value: sealing.backupSealNumber },
        ...common,
        { label: '存放地点', value: sealing.backupStorageLocation },
      ],
    },
  ];
}
