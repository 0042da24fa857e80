import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { KafkaPublisher, replayDeadLetters } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { DeadLetterBox, type OwnDeadLetter } from './dead-letter-box';
import type { ReplayDeadLettersCommand } from './replay-dead-letters.command';
import type { ReplayResultView } from './replay-result.view';

/**
 * Sends this service's chosen letters back to the topic they failed on, message id kept: groups
 * that applied it skip it, this one applies it. Their failed-attempt counts start again, and every
 * replay (or failed attempt to) is in the audit log with the actor.
 */
@Injectable()
export class ReplayDeadLettersUseCase {
  constructor(
    private readonly box: DeadLetterBox,
    private readonly publisher: KafkaPublisher,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(
    actor: AuditActor,
    topic: string,
    command: ReplayDeadLettersCommand,
  ): Promise<ReplayResultView> {
    this.box.assertConsumed(topic);
    const chosen = this.choose(await this.box.read(topic), command, topic);
    const positions = chosen.map((l) => l.summary.position);
    const messageIds = [
      ...new Set(chosen.flatMap((l) => (l.summary.messageId ? [l.summary.messageId] : []))),
    ];
    const event = {
      action: 'ops.dead-letter.replay',
      entityType: 'dead-letter',
      entityId: topic,
      detail: {
        topic,
        deadLetterTopic: this.box.deadLetterTopic(topic),
        consumerGroup: this.box.consumerGroup,
        all: command.all === true,
        positions,
        messageIds,
      },
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        if (messageIds.length > 0)
          await manager.query(
            'delete from inbox_failure where consumer_group = $1 and message_id::text = any($2::text[])',
            [this.box.consumerGroup, messageIds],
          );
        await this.audit.record(actor, event, manager);
        // Last, so a failed send rolls back the entry and the counts (and is audited below).
        await replayDeadLetters(
          this.publisher,
          chosen.map((l) => l.letter),
        );
      });
    } catch (error) {
      await this.audit.record(actor, {
        ...event,
        outcome: 'failure',
        detail: { ...event.detail, error: (error as Error).message },
      });
      throw error;
    }
    return { topic, replayed: chosen.length, positions };
  }

  /**
   * Positions: exactly those (404 naming any that is not this service's). All: every letter not
   * applied since, one per message (the latest), so a message failed twice goes back once.
   */
  private choose(
    letters: OwnDeadLetter[],
    command: ReplayDeadLettersCommand,
    topic: string,
  ): OwnDeadLetter[] {
    if (command.all) {
      const latest = new Map<string, OwnDeadLetter>();
      for (const l of letters.filter((x) => !x.applied))
        latest.set(l.summary.messageId ?? `@${l.summary.position}`, l);
      return [...latest.values()];
    }
    const wanted = command.positions ?? [];
    const byPosition = new Map(letters.map((l) => [l.summary.position, l]));
    const missing = wanted.filter((p) => !byPosition.has(p));
    if (missing.length > 0)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no dead letter of this service at ${missing.join(', ')} in ${this.box.deadLetterTopic(topic)}`,
      });
    return wanted.map((p) => byPosition.get(p) as OwnDeadLetter);
  }
}
