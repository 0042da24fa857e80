import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentModule } from '../assignment/assignment.module';
import { IdentityModule } from '../identity/identity.module';
import { AddShoppingAccountUseCase } from './add-shopping-account.usecase';
import { Buyer } from '../kernel/buyer.entity';
import { BuyerQueries } from './buyer.queries';
import { BuyersController } from './buyers.controller';
import { ChangeStatusUseCase } from './change-status.usecase';
import { QualifyBuyerUseCase } from './qualify-buyer.usecase';
import { ReadBuyerIdentityUseCase } from './read-buyer-identity.usecase';
import { RegisterBuyerUseCase } from './register-buyer.usecase';
import { ShoppingAccount } from '../kernel/shopping-account.entity';

/** Buyers: registration, qualification, shopping accounts, status. */
@Module({
  imports: [TypeOrmModule.forFeature([Buyer, ShoppingAccount]), IdentityModule, AssignmentModule],
  controllers: [BuyersController],
  providers: [
    RegisterBuyerUseCase,
    ReadBuyerIdentityUseCase,
    QualifyBuyerUseCase,
    AddShoppingAccountUseCase,
    ChangeStatusUseCase,
    BuyerQueries,
  ],
})
export class BuyersModule {}
