import { Injectable } from '@nestjs/common';
import { SamplingDelegated, type SamplingDelegatedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { RecordDelegationUseCase } from './record-delegation.usecase';

/** Delegations of sampling from planning, each filed in the inbox transaction. */
@Injectable()
export class DelegationEventsConsumer {
  constructor(private readonly record: RecordDelegationUseCase) {}

  @ConsumeEvent(SamplingDelegated)
  async onSamplingDelegated(
    value: SamplingDelegatedValue,
    { manager, messageId }: EventContext,
  ): Promise<void> {
    await this.record.execute(manager, value, messageId);
  }
}
