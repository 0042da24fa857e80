import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@qis/audit';
import { SampleSealed, type SampleSealedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { In, IsNull } from 'typeorm';
import { Assignment } from './assignment.entity';
import { WaitingDispatch } from './waiting-dispatch.entity';
import { WaitingDispatches } from './waiting-dispatches';
import { Clock } from '../clock/clock';

/** A sealed test sample goes to a lab drawn at random (随机送检), or waits until a lab can take it. */
@Injectable()
export class SampleSealedConsumer {
  private readonly logger = new Logger(SampleSealedConsumer.name);

  constructor(
    private readonly waiting: WaitingDispatches,
    private readonly clock: Clock,
  ) {}

  @ConsumeEvent(SampleSealed)
  async onSampleSealed(event: SampleSealedValue, { manager, messageId }: EventContext): Promise<void> {
    // The inbox stops redeliveries; this stops a second sealing event of the batch drawing again.
    const existing = await manager.findOneBy(Assignment, {
      batchNumber: event.batchNumber,
      purpose: 'initial',
      status: In(['dispatched', 'accepted', 'in-progress', 'reported']),
    });
    const waits = await manager.findOneBy(WaitingDispatch, {
      batchNumber: event.batchNumber,
      purpose: 'initial',
      dispatchedAt: IsNull(),
    });
    if (existing || waits) {
      this.logger.warn(
        { batchNumber: event.batchNumber },
        'sample already dispatched or waiting for a lab; sealing event ignored',
      );
      return;
    }
    await this.waiting.dispatchOrWait(
      manager,
      {
        batchNumber: event.batchNumber,
        purpose: 'initial',
        category: event.category,
        sampleName: event.claimed.sampleName,
        sampleCode: event.sampleCode,
        sampleRole: 'test',
        sealNumber: event.testSample.sealNumber,
        productStandard: event.claimed.productStandard ?? null,
        reinspectionOfReport: null,
        excludedLabIds: [],
        preferAboveLevel: null,
        causationId: messageId,
        at: this.clock.now(),
      },
      SYSTEM_ACTOR,
    );
  }
}
