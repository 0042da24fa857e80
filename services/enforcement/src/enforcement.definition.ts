import type { ServiceDefinition } from '@qis/runtime';
import { EnforcementConfig } from './enforcement.config';
import { EnforcementModule, enforcementEntities } from './enforcement.module';
import { migrations } from './migrations';

export const enforcementService: ServiceDefinition<EnforcementConfig> = {
  name: 'enforcement',
  title: 'QIS Enforcement service',
  description: 'Notices and deadlines, objections and re-inspection, routing to jurisdiction, cases, credit.',
  config: EnforcementConfig,
  entities: enforcementEntities,
  migrations,
  imports: [EnforcementModule],
};
