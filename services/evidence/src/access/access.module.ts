import { Module } from '@nestjs/common';
import { BatchBuyer } from './batch-buyer';
import { BatchJurisdictions } from './batch-jurisdictions';
import { CaseRoutedConsumer } from './case-routed.consumer';
import { Pseudonyms } from './pseudonyms';

/** Who may read and upload which evidence (`evidence-policy.ts`), the pseudonyms of subjects and of a batch's buyer. */
@Module({
  providers: [Pseudonyms, BatchBuyer, BatchJurisdictions, CaseRoutedConsumer],
  exports: [Pseudonyms, BatchBuyer, BatchJurisdictions],
})
export class AccessModule {}
