import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { ReportIssuedValue } from '@qis/contracts';
import {
  appendPdfs,
  formatShanghaiDateInWords,
  LEGAL_SOURCES,
  objectionRight,
  withinWorkingDays,
  type DocumentSpec,
} from '@qis/documents';
import { DataSource } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { DelegationBook, delegationLine } from '../delegations/delegation-book';
import { PdfRenderer } from '../documents/pdf-renderer';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';
import { CaseRouter } from '../routing/case-router';
import type { Notice } from './notice.entity';
import { RESULT_NOTICE_WORKING_DAYS } from './result-notice-due';

const S = LEGAL_SOURCES;
const BASIS = `${S.productQualityLaw}第十五条、${S.circulationSampling}、${S.onlineSamplingOpinion}及${S.operatingRules}。`;
/** The objection line of the stored text: the PDF states the right in full under 权利告知 instead. */
const OBJECTION_LINE = /^对检验结果有异议的/;
const FINAL_LINE = /^本复检结论为最终检验结论/;

/** A result notice cannot be made: its lab report is not at hand (503, retried by the evidence step). */
const reportUnavailable = (notice: Notice, why: string): ServiceUnavailableException =>
  new ServiceUnavailableException({
    statusCode: 503,
    error: 'Service Unavailable',
    message: `result notice ${notice.noticeNumber} is not made without its lab report ${notice.reportNumber ?? ''}: ${why}`,
  });

/**
 * The notice as a Chinese PDF, rendered from its stored text with the issuing authority, the legal
 * basis, the recipient's rights with their periods in words and the date in words. A result notice
 * carries the lab's signed report after its own pages (operating rules §6: the report and the result
 * notice are sent together); when the report cannot be read from the evidence service, no PDF is
 * made at all (503), so no result notice ever goes out without its report. A batch a district
 * bureau sampled on the city's delegation names it and the delegating authority (受…委托, with the
 * 委托书 number), as the delegation stood when the notice was issued. The copy stored as
 * evidence (object id and SHA-256 on the notice) is what was sent; this renders the same again.
 */
@Injectable()
export class RenderNoticePdfUseCase {
  constructor(
    private readonly pdf: PdfRenderer,
    private readonly dataSource: DataSource,
    private readonly router: CaseRouter,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
    private readonly delegations: DelegationBook,
  ) {}

  async execute(notice: Notice): Promise<Buffer> {
    const delegation = (await this.delegations.inEffect([notice.batchNumber], notice.createdAt)).get(
      notice.batchNumber,
    );
    const sampler = delegation ? delegationLine(delegation) : null;
    if (notice.kind === 'sampling') return this.pdf.render(this.document(notice, null, sampler));
    const report = await this.report(notice);
    const reportPdf = await this.reportPdf(notice, report);
    return appendPdfs(await this.pdf.render(this.document(notice, report, sampler)), [reportPdf]);
  }

  /** A notice whose text was fixed as a document when issued (the 《复检机构确定通知书》). */
  renderFixed(document: DocumentSpec): Promise<Buffer> {
    return this.pdf.render(document);
  }

  /**
   * The document of a notice; `report` for result notices (its attachment is named in the text);
   * `sampler` names the district that sampled on the city's delegation.
   */
  document(notice: Notice, report: ReportIssuedValue | null, sampler: string | null = null): DocumentSpec {
    const [title, , addressee, ...lines] = notice.content.split('\n');
    const authority = this.router.issuerName;
    const body = lines.filter((line) => !OBJECTION_LINE.test(line) && !FINAL_LINE.test(line));
    const rights =
      notice.kind === 'sampling'
        ? [
            `本局将${withinWorkingDays(RESULT_NOTICE_WORKING_DAYS, '收到检验结果')}将《检验报告》和《抽检结果通知书》送达你方。`,
            objectionRight(authority),
          ]
        : notice.kind === 'result'
          ? [objectionRight(authority)]
          : ['本复检结论为最终检验结论，本局不再受理对同一检验结果的复检申请。'];
    return {
      authority,
      title: title ?? '通知书',
      number: notice.noticeNumber,
      ...(addressee ? { addressee } : {}),
      paragraphs: [
        ...body,
        ...(sampler ? [sampler] : []),
        ...(report
          ? [
              `附件：《检验报告》（检验机构：${report.labName}，报告编号：${report.reportNumber}），附于本${
                notice.channel === 'public-notice' ? '公告' : '通知书'
              }之后。`,
            ]
          : []),
      ],
      legalBasis: BASIS,
      rights,
      issuer: authority,
      issuedOn: formatShanghaiDateInWords(notice.createdAt),
      author: authority,
    };
  }

  private async report(notice: Notice): Promise<ReportIssuedValue> {
    const batch = await this.dataSource.manager.findOneBy(BatchFile, { batchNumber: notice.batchNumber });
    const report = [batch?.initialReport, batch?.reinspectionReport, ...(batch?.replacedReports ?? [])].find(
      (r) => r?.reportNumber === notice.reportNumber,
    );
    if (!report) throw reportUnavailable(notice, `the report is not on the batch's file`);
    return report;
  }

  private async reportPdf(notice: Notice, report: ReportIssuedValue): Promise<Buffer> {
    if (!this.evidence)
      throw reportUnavailable(notice, 'the evidence service is not configured (EVIDENCE_URL)');
    try {
      return await this.evidence.read(report.reportDocumentId);
    } catch (error) {
      throw reportUnavailable(
        notice,
        `evidence object ${report.reportDocumentId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
