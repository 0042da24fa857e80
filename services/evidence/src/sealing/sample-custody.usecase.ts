import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, unprocessable } from '../common/domain-errors';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import type { HandOverCommand } from './hand-over.command';
import type { ResealCommand } from './reseal.command';
import { missingResealParties } from './reseal-parties';
import { Sealing } from './sealing.entity';

const sealColumn = { test: 'testSealNumber', backup: 'backupSealNumber' } as const;

async function lockSealing(manager: EntityManager, sampleCode: string): Promise<Sealing> {
  const sealing = await manager.findOne(Sealing, {
    where: { sampleCode },
    lock: { mode: 'pessimistic_write' },
  });
  if (!sealing) throw notFound('sample', sampleCode);
  return sealing;
}

/** Hand-overs to and from labs and re-seals of a sealed sample, each a custody ledger entry. */
@Injectable()
export class SampleCustodyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
  ) {}

  async handOver(
    by: AuditActor,
    from: ExtractionFacts,
    sampleCode: string,
    command: HandOverCommand,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sealing = await lockSealing(manager, sampleCode);
      const recorded = sealing[sealColumn[command.sample]];
      if (recorded !== command.sealNumber) {
        throw unprocessable(
          'sealNumber',
          `the ${command.sample} sample is sealed with ${recorded}, not ${command.sealNumber}`,
        );
      }
      const action = command.direction === 'to-lab' ? 'hand-over-to-lab' : 'hand-back-from-lab';
      await this.ledger.append(manager, by, from, {
        action,
        subjectType: 'sample',
        subjectId: `${sampleCode}:${command.sample}`,
        batchNumber: sealing.batchNumber,
        detail: {
          labId: command.labId,
          counterpart: command.counterpart,
          sealNumber: command.sealNumber,
          sealIntact: command.sealIntact,
        },
      });
      await this.audit.record(
        by,
        {
          action: `sample.${action}`,
          entityType: 'sample',
          entityId: sampleCode,
          detail: { sample: command.sample, labId: command.labId, sealIntact: command.sealIntact },
        },
        manager,
      );
    });
  }

  async reseal(
    by: AuditActor,
    from: ExtractionFacts,
    sampleCode: string,
    command: ResealCommand,
  ): Promise<Sealing> {
    const shortfall = missingResealParties(command.signatures);
    if (shortfall.length > 0) throw unprocessable('signatures', ...shortfall);
    return this.dataSource.transaction(async (manager) => {
      const sealing = await lockSealing(manager, sampleCode);
      const column = sealColumn[command.sample];
      const previous = sealing[column];
      if (previous === command.newSealNumber)
        throw conflict(`the ${command.sample} sample already carries seal ${previous}`);
      await manager.update(Sealing, { id: sealing.id }, { [column]: command.newSealNumber });
      await this.ledger.append(manager, by, from, {
        action: 're-seal',
        subjectType: 'sample',
        subjectId: `${sampleCode}:${command.sample}`,
        batchNumber: sealing.batchNumber,
        detail: {
          previousSeal: previous,
          newSeal: command.newSealNumber,
          reason: command.reason,
          signatures: command.signatures,
        },
      });
      await this.audit.record(
        by,
        {
          action: 'sample.re-seal',
          entityType: 'sample',
          entityId: sampleCode,
          detail: { sample: command.sample, previous, next: command.newSealNumber },
        },
        manager,
      );
      return { ...sealing, [column]: command.newSealNumber };
    });
  }
}
