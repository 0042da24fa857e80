import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { context as otelContext, trace } from '@opentelemetry/api';
import type { EventContract } from '../event-contract';
import {
  CONSUME_EVENT,
  type ConsumedEvent,
  type ConsumeEventMetadata,
  type EventBatchHandler,
  type EventHandler,
} from './consume-event.decorator';
import { inHandlerSpan, withConsumedMessages } from '../tracing/message-trace';

export interface RegisteredHandler {
  contract: EventContract;
  /** Applies events in order inside the caller's transaction, one by one or as a batch. */
  handle: EventBatchHandler<object>;
  name: string;
}

/** Finds the `@ConsumeEvent` methods of every provider, one handler per topic. */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly byTopic = new Map<string, RegisteredHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<ConsumeEventMetadata | undefined>(CONSUME_EVENT, fn);
        if (!meta) continue;
        const { contract } = meta;
        const name = `${instance.constructor.name}.${method}`;
        const existing = this.byTopic.get(contract.topic);
        if (existing) throw new Error(`two handlers for ${contract.topic}: ${existing.name} and ${name}`);
        this.byTopic.set(contract.topic, {
          contract,
          name,
          handle:
            meta.mode === 'batch'
              ? batch(name, (fn as EventBatchHandler<object>).bind(instance))
              : each(name, (fn as EventHandler<object>).bind(instance)),
        });
      }
    }
  }

  handlers(): RegisteredHandler[] {
    return [...this.byTopic.values()];
  }
}

const traceOf = (consumed: ConsumedEvent<object>) => consumed.context.traceContext ?? otelContext.active();

/** One event at a time, each in a span under its own event's (so in its own trace). */
const each =
  (name: string, handler: EventHandler<object>): EventBatchHandler<object> =>
  async (events: ReadonlyArray<ConsumedEvent<object>>) => {
    for (const consumed of events)
      await inHandlerSpan(name, traceOf(consumed), () => handler(consumed.event, consumed.context));
  };

/**
 * A batch handler applies its events in one call, which belongs to no single event's trace: one
 * span linked to each event's span (a batch of one is that event's child). What it publishes with
 * an event's message id as `causationId` continues that event's trace.
 */
const batch =
  (name: string, handler: EventBatchHandler<object>): EventBatchHandler<object> =>
  async (events: ReadonlyArray<ConsumedEvent<object>>) => {
    if (events.length === 1) return inHandlerSpan(name, traceOf(events[0]), () => handler(events));
    const byMessageId = new Map(events.map((e) => [e.context.messageId, traceOf(e)]));
    const links = events.flatMap((e) => {
      const spanContext = trace.getSpanContext(traceOf(e));
      return spanContext ? [{ context: spanContext }] : [];
    });
    return inHandlerSpan(
      name,
      withConsumedMessages(otelContext.active(), byMessageId),
      () => handler(events),
      links,
    );
  };
