import { OrderPlaced, ReportIssued, SampleSealed } from '@qis/contracts';
import { BatchFile } from '../../kernel/batch-file.entity';
import { draftTransferLetter, transferBasis } from './draft-transfer-letter';

const province = { kind: 'out-of-area-authority' as const, areaCode: '330000', name: '浙江省市场监督管理局' };
const huzhou = { kind: 'out-of-area-authority' as const, areaCode: '330500', name: '湖州市市场监督管理局' };
const beijing = { kind: 'out-of-area-authority' as const, areaCode: '110000', name: '北京市市场监督管理局' };

describe('transfer letter (案件移送函)', () => {
  it.each([
    {
      row: 'province-seller-outside-platform',
      to: province,
      basis: /第二条第（三）项.*依照省级市场监督管理部门的要求交办/,
    },
    {
      row: 'province-seller-outside-platform',
      to: huzhou,
      basis: /第二条第（三）项，依照省级市场监督管理部门的要求/,
    },
    { row: 'city-seller-outside-platform', to: beijing, basis: /交第三方交易平台经营者住所所在地/ },
    { row: 'own-site-province-seller', to: huzhou, basis: /交网络商品经营者住所所在地/ },
  ])('row $row to $to.name: names the rule it implements and 第十八条', ({ row, to, basis }) => {
    const text = transferBasis(row, to);
    expect(text).toMatch(basis);
    expect(text).toContain('《市场监督管理行政处罚程序规定》第十八条');
  });

  it('holds the issuer, recipient, legal basis, case facts and every evidence item', () => {
    const batch = Object.assign(new BatchFile(), {
      batchNumber: 'HZ2026-000123',
      order: OrderPlaced.example.value,
      sealed: SampleSealed.example.value,
      initialReport: ReportIssued.example.value,
      reinspectionReport: null,
      finalAt: new Date('2026-06-30T02:00:00Z'),
      finalBasis: 'no-objection',
    });
    const spec = draftTransferLetter({
      letterNumber: 'YS2026-000001',
      issuerName: '杭州市市场监督管理局',
      recipient: province,
      copiedTo: [
        { kind: 'online-supervision-office', areaCode: '330100', name: '杭州市市场监督管理局网监办' },
      ],
      caseId: '0f0e0d0c-0b0a-4909-8807-060504030201',
      policyRow: 'province-seller-outside-platform',
      batch,
      evidence: [
        { name: '抽检结果通知书 JG2026-000001', kind: 'notice', objectId: 'obj-1', sha256: 'ab'.repeat(32) },
      ],
      issuedAt: new Date('2026-07-01T02:00:00Z'),
    });
    const text = [
      spec.authority,
      spec.title,
      spec.number,
      spec.addressee,
      ...(spec.paragraphs ?? []),
      ...(spec.rights ?? []),
      spec.issuer,
      spec.issuedOn,
    ].join('\n');
    for (const expected of [
      '案件移送函',
      'YS2026-000001',
      '移送机关：杭州市市场监督管理局',
      '接收机关：浙江省市场监督管理局',
      '移送依据：',
      '批次编号：HZ2026-000123',
      `检验报告编号：${ReportIssued.example.value.reportNumber}`,
      '结果确定：2026年6月30日（被抽样经营者在法定期限内未提出复检申请）',
      '对象编号：obj-1',
      `SHA-256：${'ab'.repeat(32)}`,
      '二〇二六年七月一日',
      '受移送机关应当自收到本函及所附材料之日起十五个工作日内予以核查，决定是否立案',
      '受移送机关对管辖权有异议的，应当报请共同的上一级市场监督管理部门指定管辖',
    ])
      expect(text).toContain(expected);
    expect(spec.addressee).toBe('浙江省市场监督管理局');
    expect(spec.authority).toBe('杭州市市场监督管理局');
  });
});
