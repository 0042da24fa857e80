import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import type { RecordSignalCommand } from './record-signal.command';
import { SignalStore } from './signal-store';
import type { SignalView } from './signal.view';

@Injectable()
export class RecordSignalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signals: SignalStore,
    private readonly audit: AuditService,
  ) {}

  async execute(command: RecordSignalCommand, actor: AuditActor): Promise<SignalView> {
    return this.dataSource.transaction(async (manager) => {
      const { id, created } = await this.signals.insert(manager, command);
      if (created) {
        await this.audit.record(
          actor,
          {
            action: 'signal.record',
            entityType: 'signal',
            entityId: id,
            detail: { kind: command.kind, source: command.source },
          },
          manager,
        );
      }
      return {
        id,
        kind: command.kind,
        source: command.source,
        externalId: command.externalId,
        created,
        // IsOptional lets a null through; the view leaves an absent field out rather than answer null.
        platform: command.platform ?? undefined,
        listingId: command.listingId ?? undefined,
      };
    });
  }
}
