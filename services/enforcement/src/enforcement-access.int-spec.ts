import { describeAccessMatrix } from '@qis/testing';
import { ENFORCEMENT_ACCESS_ENV, enforcementScopeFixture } from './enforcement-access.fixture';
import { enforcementService } from './enforcement.definition';

describeAccessMatrix(enforcementService, {
  env: ENFORCEMENT_ACCESS_ENV,
  foreignScope: enforcementScopeFixture,
  setupTimeoutMs: 240_000,
});
