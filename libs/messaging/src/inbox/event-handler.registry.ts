import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventContract } from '../event-contract';
import {
  CONSUME_EVENT,
  type ConsumedEvent,
  type ConsumeEventMetadata,
  type EventBatchHandler,
  type EventHandler,
} from './consume-event.decorator';

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
              ? (fn as EventBatchHandler<object>).bind(instance)
              : each((fn as EventHandler<object>).bind(instance)),
        });
      }
    }
  }

  handlers(): RegisteredHandler[] {
    return [...this.byTopic.values()];
  }
}

const each =
  (handler: EventHandler<object>): EventBatchHandler<object> =>
  async (events: ReadonlyArray<ConsumedEvent<object>>) => {
    for (const { event, context } of events) await handler(event, context);
  };
