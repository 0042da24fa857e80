import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service-definition';
import { DeadLetterBox, type OwnDeadLetter } from './dead-letter-box';
import type { DeadLetterSummaryView } from './dead-letter-summary.view';
import type { DeadLetterTopicView } from './dead-letter-topic.view';
import type { DeadLettersView } from './dead-letters.view';

export const summaryView = ({ summary, applied }: OwnDeadLetter): DeadLetterSummaryView => ({
  position: summary.position,
  partition: summary.partition,
  offset: summary.offset,
  key: summary.key,
  messageId: summary.messageId,
  type: summary.type,
  failedAt: summary.failedAt,
  consumerGroup: summary.consumerGroup,
  errorKind: summary.errorKind,
  errorMessage: summary.errorMessage,
  reasons: summary.reasons,
  attempts: summary.attempts,
  replayCount: summary.replayCount,
  applied,
});

/** Counts and letters per topic this service consumes. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(
    private readonly box: DeadLetterBox,
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
  ) {}

  async execute(): Promise<DeadLettersView> {
    const topics: DeadLetterTopicView[] = await Promise.all(
      this.box.topics().map(async (topic) => {
        const letters = await this.box.read(topic);
        return {
          topic,
          deadLetterTopic: this.box.deadLetterTopic(topic),
          count: letters.length,
          pending: letters.filter((l) => !l.applied).length,
          letters: letters.map(summaryView),
        };
      }),
    );
    return {
      service: this.def.name,
      consumerGroup: this.box.consumerGroup,
      count: topics.reduce((n, t) => n + t.count, 0),
      pending: topics.reduce((n, t) => n + t.pending, 0),
      topics,
    };
  }
}
