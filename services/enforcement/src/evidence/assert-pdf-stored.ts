import { conflict } from '@qis/domain';
import type { PdfEvidenceRecord } from './pdf-evidence-record';

/**
 * A document is delivered only as the document on record: while enforcement stores PDFs as evidence
 * (`EVIDENCE_URL`, required in production), no sending or receipt is recorded before its PDF is
 * stored (409 naming what is missing). Without an evidence service nothing is ever stored, and
 * deliveries are recorded as before (development and the service's own tests).
 */
export function assertPdfStored(
  record: Pick<PdfEvidenceRecord, 'evidenceObjectId' | 'evidenceAttempts' | 'evidenceLastError'>,
  what: string,
  storing: boolean,
): void {
  if (!storing || record.evidenceObjectId) return;
  const tried =
    record.evidenceAttempts > 0
      ? `; ${record.evidenceAttempts} attempt(s) so far, last error: ${record.evidenceLastError ?? 'none'}`
      : '; not attempted yet';
  throw conflict(
    `${what} cannot be delivered yet: its PDF is not stored as evidence (evidenceObjectId missing${tried}). ` +
      'Record the delivery once the stored PDF is the one sent.',
  );
}
