import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Buyer } from '../kernel/buyer.entity';
import { ShoppingAccount } from '../kernel/shopping-account.entity';
import { BuyerView } from './buyer-view';
import { ShoppingAccountView } from './shopping-account-view';

/** Buyers and their shopping accounts, as purchasing admins read them: pseudonyms, no identity. */
@Injectable()
export class BuyerQueries {
  constructor(
    @InjectRepository(Buyer) private readonly buyers: Repository<Buyer>,
    @InjectRepository(ShoppingAccount) private readonly accounts: Repository<ShoppingAccount>,
  ) {}

  /** The first 1000 buyers by pseudonym. */
  async list(): Promise<BuyerView[]> {
    return (await this.buyers.find({ order: { pseudonym: 'ASC' }, take: 1000 })).map((b) => BuyerView.of(b));
  }

  /** One buyer; null for an unknown id. */
  async one(buyerId: string): Promise<BuyerView | null> {
    const buyer = await this.buyers.findOneBy({ id: buyerId });
    return buyer ? BuyerView.of(buyer) : null;
  }

  /** A buyer's shopping accounts. */
  async accountsOf(buyerId: string): Promise<ShoppingAccountView[]> {
    return (await this.accounts.findBy({ buyerId })).map((a) => ShoppingAccountView.of(a));
  }
}
