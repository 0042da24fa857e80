import { Module } from '@nestjs/common';
import { EvidenceStoreModule } from '../store/evidence-store.module';
import { CustodyCheckpoints } from './checkpoints/custody-checkpoints';
import { TimestampAuthority } from './checkpoints/timestamp-authority';
import { CustodyLedger } from './custody-ledger';
import { CustodyVerifications } from './verifications/custody-verifications';
import { CustodyController } from './custody.controller';
import { VerifyCustodyUseCase } from './verify-custody.usecase';

@Module({
  imports: [EvidenceStoreModule],
  controllers: [CustodyController],
  providers: [
    CustodyLedger,
    VerifyCustodyUseCase,
    CustodyCheckpoints,
    TimestampAuthority,
    CustodyVerifications,
  ],
  exports: [CustodyLedger, VerifyCustodyUseCase],
})
export class CustodyModule {}
