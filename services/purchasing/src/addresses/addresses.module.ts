import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AddAddressUseCase } from './add-address.usecase';
import { AddressQueries } from './address.queries';
import { AddressesController } from './addresses.controller';
import { ReceivingAddress } from './receiving-address.entity';

/** The receiving addresses samples are bought to. */
@Module({
  imports: [TypeOrmModule.forFeature([ReceivingAddress]), IdentityModule],
  controllers: [AddressesController],
  providers: [AddAddressUseCase, AddressQueries],
})
export class AddressesModule {}
