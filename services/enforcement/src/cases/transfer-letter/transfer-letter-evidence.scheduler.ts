import { Injectable, Logger } from '@nestjs/common';
import { EnforcementConfig } from '../../enforcement.config';
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

  protected run(): Promise<unknown> {
    return this.store.execute();
  }
}
