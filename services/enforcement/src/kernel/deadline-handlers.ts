import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DeadlineHandler } from './deadline-handler';
import { DEADLINE_KINDS, type DeadlineKind } from './deadline.entity';

/**
 * The handler of each kind of deadline, registered by the feature that owns it (in its
 * `onModuleInit`). Boot fails when a kind has none or two: a deadline nobody handles would pass
 * silently.
 */
@Injectable()
export class DeadlineHandlers implements OnApplicationBootstrap {
  private readonly byKind = new Map<DeadlineKind, DeadlineHandler>();

  register(handler: DeadlineHandler): void {
    if (this.byKind.has(handler.kind)) throw new Error(`deadline kind ${handler.kind} has two handlers`);
    this.byKind.set(handler.kind, handler);
  }

  onApplicationBootstrap(): void {
    const missing = DEADLINE_KINDS.filter((kind) => !this.byKind.has(kind));
    if (missing.length > 0) throw new Error(`no handler registered for deadline kinds ${missing.join(', ')}`);
  }

  handlerOf(kind: DeadlineKind): DeadlineHandler {
    const handler = this.byKind.get(kind);
    if (!handler) throw new Error(`no handler registered for deadline kind ${kind}`);
    return handler;
  }

  /** Every handler, in the order of `DEADLINE_KINDS` (the order pending deadlines are completed in). */
  all(): DeadlineHandler[] {
    return DEADLINE_KINDS.map((kind) => this.handlerOf(kind));
  }
}
