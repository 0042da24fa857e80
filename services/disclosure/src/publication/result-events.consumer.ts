import { Injectable } from '@nestjs/common';
import { ResultFinal, ResultNotified, type ResultFinalValue, type ResultNotifiedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { PublishNoticeUseCase } from './publish-notice.usecase';
import { PublishResultUseCase } from './publish-result.usecase';

/** Final results are published; public notices replace undeliverable result notices. */
@Injectable()
export class ResultEventsConsumer {
  constructor(
    private readonly results: PublishResultUseCase,
    private readonly notices: PublishNoticeUseCase,
  ) {}

  @ConsumeEvent(ResultFinal)
  async onResultFinal(value: ResultFinalValue, { manager, messageId }: EventContext): Promise<void> {
    await this.results.execute(manager, value, messageId);
  }

  @ConsumeEvent(ResultNotified)
  async onResultNotified(value: ResultNotifiedValue, { manager, messageId }: EventContext): Promise<void> {
    await this.notices.execute(manager, value, messageId);
  }
}
