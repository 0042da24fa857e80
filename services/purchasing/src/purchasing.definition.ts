import type { ServiceDefinition } from '@qis/runtime';
import { ReceivingAddress } from './addresses/receiving-address.entity';
import { Assignment } from './assignment/assignment.entity';
import { PurchaseTask } from './kernel/purchase-task.entity';
import { SellerBlacklistEntry } from './blacklists/seller-blacklist-entry.entity';
import { BuyerPoolMember } from './buyers/buyer-pool-member.entity';
import { Buyer } from './kernel/buyer.entity';
import { ShoppingAccount } from './kernel/shopping-account.entity';
import { migrations } from './migrations';
import { PurchasingConfig } from './purchasing.config';
import { PurchasingModule } from './purchasing.module';

export const purchasingService: ServiceDefinition<PurchasingConfig> = {
  name: 'purchasing',
  title: 'QIS Purchasing service',
  description: 'Mystery buyers, anonymous purchases, purchase evidence packages, order placement.',
  config: PurchasingConfig,
  entities: [
    Buyer,
    BuyerPoolMember,
    ShoppingAccount,
    ReceivingAddress,
    SellerBlacklistEntry,
    PurchaseTask,
    Assignment,
  ],
  migrations,
  imports: [PurchasingModule],
  openApiLinks: [
    {
      from: 'registerBuyer',
      to: [
        'getBuyer',
        'listAccounts',
        'addShoppingAccount',
        'readIdentity',
        'revealIdentity',
        'recordQualification',
        'changeBuyerStatus',
      ],
      parameters: { buyerId: '$response.body#/id' },
    },
    {
      from: 'addShoppingAccount',
      to: ['changeAccountStatus'],
      parameters: { buyerId: '$response.body#/buyerId', accountId: '$response.body#/id' },
    },
  ],
};
