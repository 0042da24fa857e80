import { Injectable, Logger } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';
import type { PdfEvidenceResult } from '../evidence/pdf-evidence-outbox';
import { IntervalTask } from '../scheduling/interval-task';
import { StoreNoticePdfsUseCase } from './store-notice-pdfs.usecase';

/** Runs the notice-PDF storing step every `NOTICE_STORE_INTERVAL_MS` when `EVIDENCE_URL` is set. */
@Injectable()
export class NoticeEvidenceScheduler extends IntervalTask {
  protected readonly logger = new Logger('NoticeEvidenceScheduler');

  constructor(
    private readonly store: StoreNoticePdfsUseCase,
    private readonly config: EnforcementConfig,
  ) {
    super();
  }

  protected intervalMs(): number | null {
    if (this.store.enabled) return this.config.NOTICE_STORE_INTERVAL_MS;
    this.logger.warn('EVIDENCE_URL is not set: notice PDFs are not stored as evidence');
    return null;
  }

  protected run(): Promise<PdfEvidenceResult> {
    return this.store.execute();
  }

  /** A full round of a backlog (a campaign's burst of notices): the next one at once. */
  protected override runAgain(result: PdfEvidenceResult): boolean {
    return result.more;
  }
}
