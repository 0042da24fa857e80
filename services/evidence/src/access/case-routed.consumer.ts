import { Injectable } from '@nestjs/common';
import { CaseRouted, type CaseRoutedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { BatchJurisdiction } from './batch-jurisdiction.entity';

/** Learns the jurisdiction of a routed batch: the authority it went to and those copied. */
@Injectable()
export class CaseRoutedConsumer {
  @ConsumeEvent(CaseRouted)
  async onCaseRouted(routed: CaseRoutedValue, { manager }: EventContext): Promise<void> {
    const routedAt = new Date(routed.routedAt);
    await manager.upsert(
      BatchJurisdiction,
      [routed.authority, ...routed.copiedTo].map((a) => ({
        batchNumber: routed.batchNumber,
        areaCode: a.areaCode,
        authorityKind: a.kind,
        routedAt,
      })),
      ['batchNumber', 'areaCode'],
    );
  }
}
