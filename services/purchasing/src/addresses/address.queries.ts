import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AddressView } from './address-view';
import { ReceivingAddress } from './receiving-address.entity';

/** The receiving-address pool, as purchasing admins read it (by label and area). */
@Injectable()
export class AddressQueries {
  constructor(@InjectRepository(ReceivingAddress) private readonly addresses: Repository<ReceivingAddress>) {}

  /** The first 1000 addresses, oldest first. */
  async list(): Promise<AddressView[]> {
    return (await this.addresses.find({ order: { createdAt: 'ASC' }, take: 1000 })).map((a) =>
      AddressView.of(a),
    );
  }
}
