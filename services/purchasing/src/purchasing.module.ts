import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddAddressUseCase } from './addresses/add-address.usecase';
import { AddressesController } from './addresses/addresses.controller';
import { ReceivingAddress } from './addresses/receiving-address.entity';
import { AssignBuyerUseCase } from './assignment/assign-buyer.usecase';
import { AssignmentScheduler } from './assignment/assignment-scheduler';
import { BatchIssuedConsumer } from './assignment/batch-issued.consumer';
import { PurchaseTask } from './assignment/purchase-task.entity';
import { ReadDeliveryUseCase } from './assignment/read-delivery.usecase';
import { RefuseTaskUseCase } from './assignment/refuse-task.usecase';
import { TaskFinder } from './assignment/task-finder';
import { TasksController } from './assignment/tasks.controller';
import { BatchStagesController } from './batch-view/batch-stages.controller';
import { FindBatchesByOrderUseCase } from './batch-view/find-batches-by-order.usecase';
import { BlacklistsController } from './blacklists/blacklists.controller';
import { RecordBlacklistUseCase } from './blacklists/record-blacklist.usecase';
import { AddShoppingAccountUseCase } from './buyers/add-shopping-account.usecase';
import { Buyer } from './buyers/buyer.entity';
import { BuyersController } from './buyers/buyers.controller';
import { ChangeStatusUseCase } from './buyers/change-status.usecase';
import { QualifyBuyerUseCase } from './buyers/qualify-buyer.usecase';
import { ReadBuyerIdentityUseCase } from './buyers/read-buyer-identity.usecase';
import { RegisterBuyerUseCase } from './buyers/register-buyer.usecase';
import { ShoppingAccount } from './buyers/shopping-account.entity';
import { BlindIndex } from './identity/blind-index';
import { IdNumberIndexBackfill } from './identity/id-number-index-backfill';
import { IdentityCipher } from './identity/identity-cipher';
import { IdentityKeysController } from './identity/identity-keys.controller';
import { RotateIdentityKeysUseCase } from './identity/rotate-identity-keys.usecase';
import { ApprovePriceUseCase } from './purchases/approve-price.usecase';
import { CompletePurchaseUseCase } from './purchases/complete-purchase.usecase';
import { EvidenceVerifier } from './purchases/evidence-verifier';
import { PurchasesController } from './purchases/purchases.controller';
import { RecordPurchaseUseCase } from './purchases/record-purchase.usecase';
import { RecordShipmentUseCase } from './purchases/record-shipment.usecase';

/** Buyers, addresses, blacklists, assignment and purchases: the purchasing stage. */
@Module({
  imports: [TypeOrmModule.forFeature([Buyer, ShoppingAccount, ReceivingAddress, PurchaseTask])],
  controllers: [
    BuyersController,
    AddressesController,
    BlacklistsController,
    TasksController,
    PurchasesController,
    IdentityKeysController,
    BatchStagesController,
  ],
  providers: [
    FindBatchesByOrderUseCase,
    IdentityCipher,
    BlindIndex,
    IdNumberIndexBackfill,
    RotateIdentityKeysUseCase,
    RegisterBuyerUseCase,
    ReadBuyerIdentityUseCase,
    QualifyBuyerUseCase,
    AddShoppingAccountUseCase,
    ChangeStatusUseCase,
    AddAddressUseCase,
    RecordBlacklistUseCase,
    AssignBuyerUseCase,
    AssignmentScheduler,
    BatchIssuedConsumer,
    TaskFinder,
    RefuseTaskUseCase,
    ReadDeliveryUseCase,
    RecordPurchaseUseCase,
    CompletePurchaseUseCase,
    ApprovePriceUseCase,
    RecordShipmentUseCase,
    EvidenceVerifier,
  ],
})
export class PurchasingModule {}
