import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { BatchScope } from '../../scope/batch-scope';

/**
 * Who sees a risk warning: the bureau's disclosure officer every one (they publish them, for the
 * whole city), everyone else as they see its batch (an officer their jurisdiction's).
 */
@Injectable()
export class RiskWarningScope {
  constructor(private readonly batchScope: BatchScope) {}

  async visible(
    principal: Principal,
    batchNumbers: readonly string[],
    manager?: EntityManager,
  ): Promise<Set<string>> {
    if (principal.roles.includes('disclosure-officer')) return new Set(batchNumbers);
    return this.batchScope.visible(principal, batchNumbers, manager);
  }
}
