import {
  formatShanghaiDate,
  formatShanghaiDateTime,
  type DocumentSpec,
  type LabelSpec,
} from '@qis/documents';
import type { ExpectedParcel } from '../intake/expected-parcel.entity';
import type { UnpackingSession } from '../unpacking/unpacking-session.entity';
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

/** 《网络商品质量抽查检验通知书》 to the seller (copied to the platform when bought on one). */
export function samplingNoticeDocument(
  issuer: string,
  order: ExpectedParcel,
  session: UnpackingSession,
  sealing: Sealing,
): DocumentSpec {
  return {
    title: '网络商品质量抽查检验通知书',
    number: `TZ-${sealing.batchNumber}`,
    author: issuer,
    addressee: order.seller.name,
    paragraphs: [
      `根据《流通领域商品质量抽查检验办法》及《网络交易商品质量抽查检验操作规程》，本局通过网络交易方式购买了你方经营的下列商品，并已于${formatShanghaiDateTime(sealing.sealedAt)}拆包查验、封样，检验用样品送承检机构检验，备份样品由本局保管。随附《网络商品质量抽查检验工作单》。`,
      '检验结果将另行通知。对检验结果有异议的，可自收到检验结果通知书之日起十五日内向本局提出书面复检申请。',
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
    issuer,
    issuedOn: formatShanghaiDate(sealing.sealedAt),
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
