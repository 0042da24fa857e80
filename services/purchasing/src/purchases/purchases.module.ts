import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { ApprovePriceUseCase } from './approve-price.usecase';
import { CompletePurchaseUseCase } from './complete-purchase.usecase';
import { EvidenceVerifier } from './evidence-verifier';
import { PurchasesController } from './purchases.controller';
import { RecordPurchaseUseCase } from './record-purchase.usecase';
import { RecordShipmentUseCase } from './record-shipment.usecase';

/** A task's purchase: recorded with its evidence, the price approved, completed, shipped. */
@Module({
  imports: [AssignmentModule],
  controllers: [PurchasesController],
  providers: [
    RecordPurchaseUseCase,
    CompletePurchaseUseCase,
    ApprovePriceUseCase,
    RecordShipmentUseCase,
    EvidenceVerifier,
  ],
})
export class PurchasesModule {}
