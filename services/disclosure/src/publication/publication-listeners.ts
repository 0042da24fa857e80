import { Injectable } from '@nestjs/common';
import type { ResultPublishedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import type { PublicNoticeView } from './public-notice.view';

/** What was just published, with the internal routing facts a listener may need (never public). */
export type PublishedRecord =
  | {
      kind: 'result' | 'correction' | 'withdrawal';
      batchNumber: string;
      /** The platform the sample was bought on (its feed), or null for a seller's own website. */
      platformCode: string | null;
      /** Exactly what went out as `disclosure.result-published.v1`. */
      value: ResultPublishedValue;
    }
  | {
      kind: 'public-notice';
      batchNumber: string;
      platformCode: string | null;
      value: PublicNoticeView;
    };

/** Runs inside the publishing transaction: throw to roll the publication back (and retry the event). */
export type PublicationListener = (manager: EntityManager, record: PublishedRecord) => Promise<void>;

/**
 * The seam for modules that act on every new publication (platform feeds): they register a
 * listener at start (`onModuleInit`), and it runs in the same transaction as the publication, so
 * a listener's own outbox rows commit exactly when the publication does. Modules that prefer
 * Kafka consume `disclosure.result-published.v1` instead.
 */
@Injectable()
export class PublicationListeners {
  private readonly listeners: PublicationListener[] = [];

  register(listener: PublicationListener): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, record: PublishedRecord): Promise<void> {
    for (const listener of this.listeners) await listener(manager, record);
  }
}
