import type { ServiceDefinition } from '@qis/runtime';
import { LabGatewayConfig } from './lab-gateway.config';
import { migrations } from './migrations';

export const labGatewayService: ServiceDefinition<LabGatewayConfig> = {
  name: 'lab-gateway',
  title: 'QIS Lab gateway service',
  description: 'Accredited labs, random dispatch, the lab-facing API, reports and re-inspection dispatch.',
  config: LabGatewayConfig,
  entities: [],
  migrations,
  imports: [],
};
