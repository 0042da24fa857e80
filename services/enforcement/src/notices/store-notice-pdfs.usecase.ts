import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@qis/audit';
import { DataSource } from 'typeorm';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';
import {
  storePdfsAsEvidence,
  type PdfEvidenceKind,
  type PdfEvidenceResult,
} from '../evidence/pdf-evidence-outbox';
import { ReinspectionLabNotice } from './reinspection-lab-notice.entity';
import { Notice } from './notice.entity';
import { RenderNoticePdfUseCase } from './render-notice-pdf.usecase';

export type StoreNoticePdfsResult = PdfEvidenceResult;

/**
 * Stores each notice's PDF through the evidence service (`storePdfsAsEvidence`): notices are
 * created without waiting for it, and an unreachable evidence service never blocks or loses one.
 * The same step stores the 《复检机构确定通知书》 to applicants and re-inspection labs.
 */
@Injectable()
export class StoreNoticePdfsUseCase {
  private readonly logger = new Logger('NoticeEvidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderPdf: RenderNoticePdfUseCase,
    private readonly audit: AuditService,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  get enabled(): boolean {
    return this.evidence !== null;
  }

  // Storing PDFs is a technical retry on the wall clock, not a legal clock: it does not read Clock.
  async execute(now = new Date(), limit = 20): Promise<PdfEvidenceResult> {
    if (!this.evidence) return { stored: 0, failed: 0, more: false };
    const deps = {
      dataSource: this.dataSource,
      evidence: this.evidence,
      audit: this.audit,
      logger: this.logger,
    };
    const notices = await storePdfsAsEvidence(deps, this.kind, now, limit);
    const labNotices = await storePdfsAsEvidence(deps, this.labNoticeKind, now, limit);
    return {
      stored: notices.stored + labNotices.stored,
      failed: notices.failed + labNotices.failed,
      more: notices.more || labNotices.more,
    };
  }

  private readonly kind: PdfEvidenceKind<Notice> = {
    entity: Notice,
    numberOf: (notice) => notice.noticeNumber,
    render: (notice) => this.renderPdf.execute(notice),
    audit: (notice) => ({
      action: 'notice.store-pdf',
      entityType: 'notice',
      entityId: notice.id,
      numberKey: 'noticeNumber',
    }),
    retryMessage: 'notice PDF not stored as evidence yet; will retry',
  };

  private readonly labNoticeKind: PdfEvidenceKind<ReinspectionLabNotice> = {
    entity: ReinspectionLabNotice,
    numberOf: (notice) => notice.noticeNumber,
    render: (notice) => this.renderPdf.renderFixed(notice.document),
    audit: (notice) => ({
      action: 'reinspection-lab-notice.store-pdf',
      entityType: 'reinspection-lab-notice',
      entityId: notice.id,
      numberKey: 'noticeNumber',
    }),
    retryMessage: 're-inspection lab notice PDF not stored as evidence yet; will retry',
  };
}
