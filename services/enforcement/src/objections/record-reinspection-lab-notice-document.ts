import type { ApplicantRole, SampleDispatchedValue } from '@qis/contracts';
import {
  formatShanghaiDate,
  formatShanghaiDateInWords,
  LEGAL_SOURCES,
  REINSPECTION_PROCEDURES_DAYS,
  withinDays,
  type DocumentSpec,
} from '@qis/documents';
import type { BatchFile } from '../kernel/batch-file.entity';
import type { Objection } from './objection.entity';
import type { ReinspectionLabNoticeRecipient } from '../notices/reinspection-lab-notice.entity';

export interface ReinspectionLabNoticeFacts {
  issuerName: string;
  noticeNumber: string;
  recipient: ReinspectionLabNoticeRecipient;
  objection: Objection;
  batch: BatchFile | null;
  dispatch: SampleDispatchedValue;
  issuedAt: Date;
}

const APPLICANT_ROLE: Record<ApplicantRole, string> = {
  seller: '被抽样的网络商品经营者',
  producer: '标称生产者',
};

/**
 * 《复检机构确定通知书》 (operating rules §6, 第三–第四): the bureau approved the re-inspection and names
 * the lab, which differs from the original one; applicant and lab have 7 days from receipt of this
 * notice to complete the procedures (re-sealing), else the re-inspection is waived.
 */
export function reinspectionLabNoticeDocument(f: ReinspectionLabNoticeFacts): DocumentSpec {
  const { objection, dispatch, batch } = f;
  const sealed = batch?.sealed;
  const report = batch?.initialReport;
  const none = '—';
  const role = APPLICANT_ROLE[objection.applicantRole];
  const sample = dispatch.sampleRole === 'backup' ? '备份样品' : '原检验用样品';
  return {
    authority: f.issuerName,
    title: '复检机构确定通知书',
    number: f.noticeNumber,
    addressee: f.recipient === 'applicant' ? objection.applicantName : dispatch.labName,
    paragraphs: [
      `${objection.applicantName}（${role}）于${formatShanghaiDate(objection.filedAt)}对上列批次商品的检验结果提出书面复检申请，经本局审批，同意复检。现确定${dispatch.labName}为复检机构（与原检验机构不同），复检样品为${sample}。`,
    ],
    fields: [
      { label: '批次编号', value: objection.batchNumber },
      { label: '样品名称', value: sealed?.claimed.sampleName ?? none },
      { label: '规格型号', value: sealed?.claimed.specModel ?? none },
      { label: '样品编号', value: sealed?.sampleCode ?? none },
      { label: '原检验机构', value: report?.labName ?? none },
      { label: '原检验报告编号', value: report?.reportNumber ?? none },
      { label: '复检申请人', value: `${objection.applicantName}（${role}）` },
      { label: '复检机构', value: dispatch.labName },
      { label: '复检样品', value: `${sample}（封样条编号：${dispatch.sealNumber}）` },
    ],
    legalBasis: `${LEGAL_SOURCES.productQualityLaw}第十五条、${LEGAL_SOURCES.circulationSampling}及${LEGAL_SOURCES.operatingRules}关于异议复检的规定。`,
    rights: [
      `复检申请人、复检机构应当${withinDays(REINSPECTION_PROCEDURES_DAYS, '收到本通知书')}，到本局办理复检手续：复检申请人、原检验机构、复检机构和市场监督管理执法人员对复检样品重新签字确认并封样，交复检机构检验。`,
      '复检申请人未在上述期限内办理复检手续的，视为放弃复检，对检验结果无异议。',
    ],
    issuer: f.issuerName,
    issuedOn: formatShanghaiDateInWords(f.issuedAt),
    ...(f.recipient === 'applicant'
      ? { copiedTo: [dispatch.labName] }
      : { copiedTo: [objection.applicantName] }),
    author: f.issuerName,
  };
}
