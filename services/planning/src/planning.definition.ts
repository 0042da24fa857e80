import type { ServiceDefinition } from '@qis/runtime';
import { BatchesModule } from './batches/batches.module';
import { PlanningConfig } from './planning.config';
import { migrations } from './migrations';
import { PlansModule } from './plans/plans.module';
import { SignalsModule } from './signals/signals.module';

export const planningService: ServiceDefinition<PlanningConfig> = {
  name: 'planning',
  title: 'QIS Planning service',
  description: 'Risk signals, risk scoring, sampling plans and schemes, batch issuance.',
  config: PlanningConfig,
  entities: [],
  migrations,
  imports: [SignalsModule, PlansModule, BatchesModule],
  openApiLinks: [
    {
      from: 'create',
      to: ['get', 'submit', 'approve', 'sendBack', 'close', 'issue', 'selection', 'select'],
      parameters: { id: '$response.body#/id' },
    },
  ],
};
