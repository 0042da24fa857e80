import { Module } from '@nestjs/common';
import { EVIDENCE_CLIENT, evidenceClientProvider } from './evidence-client.provider';

/** The evidence service's client (null when `EVIDENCE_URL` is unset). */
@Module({
  providers: [evidenceClientProvider],
  exports: [EVIDENCE_CLIENT],
})
export class EvidenceModule {}
