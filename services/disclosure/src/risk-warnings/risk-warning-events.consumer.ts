import { Injectable } from '@nestjs/common';
import { RiskWarningDecided, type RiskWarningDecidedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { PublishRiskWarningUseCase } from './publish-risk-warning.usecase';

/** Enforcement's risk warning decisions, published or taken down on the public page. */
@Injectable()
export class RiskWarningEventsConsumer {
  constructor(private readonly publish: PublishRiskWarningUseCase) {}

  @ConsumeEvent(RiskWarningDecided)
  async onRiskWarningDecided(
    value: RiskWarningDecidedValue,
    { manager, messageId }: EventContext,
  ): Promise<void> {
    await this.publish.execute(manager, value, messageId);
  }
}
