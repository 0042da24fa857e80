import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@qis/audit';
import { ReinspectionRequested, type ReinspectionRequestedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { Lab } from '../labs/lab.entity';
import { Assignment } from './assignment.entity';
import { WaitingDispatches } from './waiting-dispatches';
import { Clock } from '../clock/clock';

/**
 * Re-inspection (复检): never the original lab, a lab of higher qualification preferred when one
 * is qualified and free; waits for a lab when none can take it.
 */
@Injectable()
export class ReinspectionRequestedConsumer {
  constructor(
    private readonly waiting: WaitingDispatches,
    private readonly clock: Clock,
  ) {}

  @ConsumeEvent(ReinspectionRequested)
  async onReinspectionRequested(
    event: ReinspectionRequestedValue,
    { manager, messageId }: EventContext,
  ): Promise<void> {
    const original = await manager.findOneBy(Lab, { id: event.originalLabId });
    const first = await manager.findOne(Assignment, {
      where: { batchNumber: event.batchNumber, purpose: 'initial' },
      order: { dispatchedAt: 'ASC' },
    });
    await this.waiting.dispatchOrWait(
      manager,
      {
        batchNumber: event.batchNumber,
        purpose: 're-inspection',
        category: event.category,
        sampleName: first?.sampleName ?? event.sampleCode,
        sampleCode: event.sampleCode,
        sampleRole: event.sampleRole,
        sealNumber: event.sealNumber,
        productStandard: first?.productStandard ?? null,
        reinspectionOfReport: event.originalReportNumber,
        excludedLabIds: [event.originalLabId],
        preferAboveLevel: original?.qualificationLevel ?? 0,
        causationId: messageId,
        at: this.clock.now(),
      },
      SYSTEM_ACTOR,
    );
  }
}
