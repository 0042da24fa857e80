import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@qis/audit';
import { DataSource } from 'typeorm';
import type { EvidenceClient } from '../../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../../evidence/evidence-client.provider';
import {
  storePdfsAsEvidence,
  type PdfEvidenceKind,
  type PdfEvidenceResult,
} from '../../evidence/pdf-evidence-outbox';
import { RenderTransferLetterPdfUseCase } from './render-transfer-letter-pdf.usecase';
import { TransferLetter } from './transfer-letter.entity';

/**
 * Stores each transfer letter's PDF through the evidence service (kind `notice`), as the notices'
 * step does: claim unstored letters (SKIP LOCKED, then a lease), upload, record the object id and
 * the SHA-256 the evidence service computed; a failure is kept and retried with backoff.
 */
@Injectable()
export class StoreTransferLettersUseCase {
  private readonly logger = new Logger('TransferLetterEvidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderPdf: RenderTransferLetterPdfUseCase,
    private readonly audit: AuditService,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  get enabled(): boolean {
    return this.evidence !== null;
  }

  // A technical retry on the wall clock, not a legal clock.
  execute(now = new Date(), limit = 20): Promise<PdfEvidenceResult> {
    if (!this.evidence) return Promise.resolve({ stored: 0, failed: 0, more: false });
    const deps = {
      dataSource: this.dataSource,
      evidence: this.evidence,
      audit: this.audit,
      logger: this.logger,
    };
    return storePdfsAsEvidence(deps, this.kind, now, limit);
  }

  private readonly kind: PdfEvidenceKind<TransferLetter> = {
    entity: TransferLetter,
    numberOf: (letter) => letter.letterNumber,
    render: (letter) => this.renderPdf.execute(letter),
    audit: (letter) => ({
      action: 'transfer-letter.store-pdf',
      entityType: 'case',
      entityId: letter.caseId,
      numberKey: 'letterNumber',
    }),
    retryMessage: 'transfer letter PDF not stored as evidence yet; will retry',
  };
}
