import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { locateCjkFont, renderDocument, type CjkFont } from '@qis/documents';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, unprocessable } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { UnpackingSession } from '../unpacking/unpacking-session.entity';
import type { HandOverCommand } from './hand-over.command';
import type { ResealCommand } from './reseal.command';
import { missingResealParties } from './reseal-parties';
import { SealingDocumentStore } from './sealing-document-store';
import { resealRecordDocument } from './sealing-documents';
import { refuseSealNumbersInUse, sealingConflict } from './seal-numbers';
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

/** A re-seal and the evidence object of its signed record (复检封样记录). */
export interface Reseal {
  sealing: Sealing;
  recordObjectId: string;
}

/**
 * Hand-overs to and from labs and re-seals of a sealed sample, each a custody ledger entry; a
 * re-seal also stores its record, signed by the four parties, as a Chinese PDF.
 */
@Injectable()
export class SampleCustodyUseCase {
  private readonly font: CjkFont;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
    private readonly documents: SealingDocumentStore,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {
    this.font = locateCjkFont(config.DOCUMENTS_CJK_FONT_FILE);
  }

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
  ): Promise<Reseal> {
    const shortfall = missingResealParties(command.signatures);
    if (shortfall.length > 0) throw unprocessable('signatures', ...shortfall);
    const current = await this.dataSource.manager.findOneBy(Sealing, { sampleCode });
    if (!current) throw notFound('sample', sampleCode);
    const session = await this.dataSource.manager.findOneBy(UnpackingSession, { id: current.sessionId });
    if (!session) throw notFound('unpacking session', current.sessionId);
    const column = sealColumn[command.sample];
    if (current[column] === command.newSealNumber)
      throw conflict(`the ${command.sample} sample already carries seal ${current[column]}`);
    await refuseSealNumbersInUse(this.dataSource.manager, [['newSealNumber', command.newSealNumber]]);
    const resealedAt = new Date();
    const recordObjectId = randomUUID();
    const pdf = await renderDocument(
      resealRecordDocument(
        this.config.EVIDENCE_ISSUER_NAME,
        current,
        session,
        command,
        current[column],
        resealedAt,
      ),
      this.font,
    );
    // Stored before the transaction, like the work order: a failed re-seal leaves an unreferenced locked object.
    const record = await this.documents.put(
      recordObjectId,
      current.batchNumber,
      // A signed sealing document like the work order: the same kind keeps the API's kinds as released.
      'signed-work-order',
      pdf,
      '复检封样记录.pdf',
    );
    return this.dataSource.transaction(async (manager) => {
      const sealing = await lockSealing(manager, sampleCode);
      const previous = sealing[column];
      // Re-read under the lock: the record names the seal it replaces, so a concurrent re-seal is refused.
      if (previous !== current[column])
        throw conflict(`the ${command.sample} sample was re-sealed meanwhile (now ${previous})`);
      await manager
        .update(Sealing, { id: sealing.id }, { [column]: command.newSealNumber })
        .catch((error: unknown) => {
          throw sealingConflict(error);
        });
      await this.documents.register(manager, by, from, record);
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
          recordObjectId,
        },
      });
      await this.audit.record(
        by,
        {
          action: 'sample.re-seal',
          entityType: 'sample',
          entityId: sampleCode,
          detail: { sample: command.sample, previous, next: command.newSealNumber, recordObjectId },
        },
        manager,
      );
      return { sealing: { ...sealing, [column]: command.newSealNumber }, recordObjectId };
    });
  }
}
