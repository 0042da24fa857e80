import { Injectable, NotFoundException } from '@nestjs/common';
import { DeadLetterBox } from './dead-letter-box';
import type { DeadLetterView } from './dead-letter.view';
import { summaryView } from './list-dead-letters.usecase';

/** One letter of this service with its headers and value. */
@Injectable()
export class InspectDeadLetterUseCase {
  constructor(private readonly box: DeadLetterBox) {}

  async execute(topic: string, partition: number, offset: string): Promise<DeadLetterView> {
    this.box.assertConsumed(topic);
    const found = (await this.box.read(topic)).find(
      (l) => l.letter.partition === partition && l.letter.offset === offset,
    );
    if (!found)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no dead letter of this service at ${partition}:${offset} in ${this.box.deadLetterTopic(topic)}`,
      });
    const value = found.letter.value?.toString('utf8') ?? null;
    return {
      ...summaryView(found),
      topic,
      deadLetterTopic: this.box.deadLetterTopic(topic),
      headers: found.letter.headers,
      value,
      ...parsedJson(value),
    };
  }
}

function parsedJson(text: string | null): { json?: unknown } {
  if (text === null) return {};
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}
