import type { ServiceDefinition } from '@qis/runtime';
import { PurchasingConfig } from './purchasing.config';
import { migrations } from './migrations';

export const purchasingService: ServiceDefinition<PurchasingConfig> = {
  name: 'purchasing',
  title: 'QIS Purchasing service',
  description: 'Mystery buyers, anonymous purchases, purchase evidence packages, order placement.',
  config: PurchasingConfig,
  entities: [],
  migrations,
  imports: [],
};
