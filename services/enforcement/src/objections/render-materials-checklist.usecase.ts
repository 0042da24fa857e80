import { Injectable } from '@nestjs/common';
import {
  formatShanghaiDate,
  formatShanghaiDateInWords,
  formatShanghaiDateTime,
  LEGAL_SOURCES,
  REINSPECTION_PROCEDURES_DAYS,
  withinDays,
  type DocumentSpec,
} from '@qis/documents';
import { Clock } from '../kernel/clock';
import { CaseRouter } from '../routing/case-router';
import { PdfRenderer } from '../documents/pdf-renderer';
import { MATERIAL_ITEMS, MATERIAL_LABELS, materialRequired, missingMaterials } from './objection-materials';
import type { Objection } from './objection.entity';

const APPLICANT_ROLE_NAMES: Readonly<Record<string, string>> = {
  seller: '被抽样经营者',
  producer: '标称生产者',
};

const LEGAL_BASIS =
  `${LEGAL_SOURCES.operatingRules}异议复检程序：市局收到复检申请后，应当报分管负责人审批是否复检；` +
  '审批材料应当包括检验结果通知书回执、书面复检申请书，复检申请人的主体资格证明、授权委托书、被授权人身份证明等。' +
  `${LEGAL_SOURCES.productQualityLaw}第十五条。`;

/**
 * The objection's materials checklist (复检申请材料清单) as a Chinese PDF: the issuing authority,
 * the applicant, each item received or missing with its date, and the legal basis. Rendered from
 * the checklist as it stands (after the decision: as it stood when decided).
 */
@Injectable()
export class RenderMaterialsChecklistUseCase {
  constructor(
    private readonly pdf: PdfRenderer,
    private readonly router: CaseRouter,
    private readonly clock: Clock,
  ) {}

  async execute(objection: Objection): Promise<Buffer> {
    return this.pdf.render(this.document(objection, this.clock.now()));
  }

  document(o: Objection, now: Date): DocumentSpec {
    const byAgent = o.agentName !== null;
    const missing = missingMaterials(o.materials, byAgent);
    return {
      authority: this.router.issuerName,
      title: '复检申请材料清单',
      number: `异议 ${o.id}`,
      fields: [
        { label: '批次编号', value: o.batchNumber },
        {
          label: '复检申请人',
          value: `${o.applicantName}（${APPLICANT_ROLE_NAMES[o.applicantRole] ?? o.applicantRole}）`,
        },
        ...(o.applicantUscc ? [{ label: '统一社会信用代码', value: o.applicantUscc }] : []),
        { label: '被授权人', value: o.agentName ?? '无（申请人本人办理）' },
        { label: '收到检验结果通知书日期', value: formatShanghaiDate(o.noticeReceivedAt) },
        {
          label: '提出书面复检申请日期',
          value:
            formatShanghaiDate(o.filedAt) +
            (o.status === 'awaiting-confirmation' ? '（补录，待第二名执法人员确认）' : ''),
        },
        { label: '异议期限届满日', value: formatShanghaiDate(new Date(`${o.windowLastDay}T00:00:00+08:00`)) },
        // One line per item, not a table: pdftotext and a phone read each item whole.
        ...MATERIAL_ITEMS.map((item, i) => {
          const r = o.materials[item];
          return {
            label: `${i + 1}. ${MATERIAL_LABELS[item]}（${materialRequired(item, byAgent) ? '必需' : '本人办理的非必需'}）`,
            value:
              r.state === 'received' && r.receivedAt
                ? `已收到，收到日期${formatShanghaiDate(new Date(r.receivedAt))}，登记人${r.recordedBy}`
                : `缺失（登记日期${formatShanghaiDate(new Date(r.recordedAt))}）`,
          };
        }),
      ],
      paragraphs: [
        missing.length === 0
          ? '材料齐全，可报分管负责人审批是否复检。'
          : `尚缺必需材料：${missing.map((item) => MATERIAL_LABELS[item]).join('、')}。`,
        `制表时间：${formatShanghaiDateTime(now)}`,
      ],
      legalBasis: LEGAL_BASIS,
      rights: [
        '复检申请人可以在审批决定作出前补交缺失的材料；必需材料不齐全的，不予批准复检。',
        `批准复检的，复检申请人和复检机构应当${withinDays(REINSPECTION_PROCEDURES_DAYS, '收到《复检机构确定通知书》')}办理复检手续；逾期未办理的，视为放弃复检。`,
      ],
      issuer: this.router.issuerName,
      issuedOn: formatShanghaiDateInWords(now),
      author: 'QIS enforcement',
    };
  }
}
