import { Module } from '@nestjs/common';
import { AddressesModule } from './addresses/addresses.module';
import { AssignmentModule } from './assignment/assignment.module';
import { BatchViewModule } from './batch-view/batch-view.module';
import { BlacklistsModule } from './blacklists/blacklists.module';
import { BuyersModule } from './buyers/buyers.module';
import { IdentityModule } from './identity/identity.module';
import { PurchasesModule } from './purchases/purchases.module';

/** Buyers, addresses, blacklists, assignment and purchases: the purchasing stage, one module each. */
@Module({
  imports: [
    BuyersModule,
    AddressesModule,
    BlacklistsModule,
    AssignmentModule,
    PurchasesModule,
    IdentityModule,
    BatchViewModule,
  ],
})
export class PurchasingModule {}
