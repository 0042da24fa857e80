import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EvidenceConfig } from '../evidence.config';
import { BatchJurisdiction } from './batch-jurisdiction.entity';

/**
 * The areas whose officers may read a batch's evidence: the sampling bureau's ("谁抽检，谁交办": the
 * batch is the bureau's until routed), and every authority it was routed or copied to.
 * None for evidence of no batch.
 */
@Injectable()
export class BatchJurisdictions {
  constructor(@Inject(EvidenceConfig) private readonly config: EvidenceConfig) {}

  async of(manager: EntityManager, batchNumber: string | null): Promise<string[]> {
    if (batchNumber === null) return [];
    const routed = await manager.findBy(BatchJurisdiction, { batchNumber });
    return [this.config.EVIDENCE_BUREAU_AREA_CODE, ...routed.map((r) => r.areaCode)];
  }
}
