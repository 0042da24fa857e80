import type { ServiceDefinition } from '@qis/runtime';
import { DisclosureConfig } from './disclosure.config';
import { migrations } from './migrations';

export const disclosureService: ServiceDefinition<DisclosureConfig> = {
  name: 'disclosure',
  title: 'QIS Disclosure service',
  description: 'Publication of results, statistics, the public web page, platform result feeds, open data.',
  config: DisclosureConfig,
  entities: [],
  migrations,
  imports: [],
};
