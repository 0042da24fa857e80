import { Injectable, Logger } from '@nestjs/common';
import { EnforcementConfig } from '../../enforcement.config';
import type { PdfEvidenceResult } from '../../evidence/pdf-evidence-outbox';
import { IntervalTask } from '../../scheduling/interval-task';
import { StoreTransferLettersUseCase } from './store-transfer-letters.usecase';

/** Stores transfer letter PDFs every `NOTICE_STORE_INTERVAL_MS` when `EVIDENCE_URL` is set. */
@Injectable()
export class TransferLetterEvidenceScheduler extends IntervalTask {
  protected readonly logger = new Logger('TransferLetterEvidenceScheduler');

  constructor(
    private readonly store: StoreTransferLettersUseCase,
    private readonly config: EnforcementConfig,
  ) {
    super();
  }

  protected intervalMs(): number | null {
    return this.store.enabled ? this.config.NOTICE_STORE_INTERVAL_MS : null;
  }

  protected run(): Promise<PdfEvidenceResult> {
    return this.store.execute();
  }

  /** A full round of a backlog (letters from many cases at once): the next one at once. */
  protected override runAgain(result: PdfEvidenceResult): boolean {
    return result.more;
  }
}
