import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { SampleSealed } from '@qis/contracts';
import { locateCjkFont, renderDocument, type CjkFont } from '@qis/documents';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, unprocessable } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { ExpectedParcel } from '../intake/expected-parcel.entity';
import { missingPeople } from '../unpacking/participant-rules';
import { UnpackingSession } from '../unpacking/unpacking-session.entity';
import type { SealSampleCommand } from './seal-sample.command';
import { SealingDocumentStore } from './sealing-document-store';
import { samplingNoticeDocument, workOrderDocument } from './sealing-documents';
import { refuseSealNumbersInUse, sealingConflict } from './seal-numbers';
import { Sealing } from './sealing.entity';

/**
 * A batch has one sample, sealed once (its code is the batch's): a second session of a sealed
 * batch is refused at opening, and this holds if one was opened before that rule. Its seal
 * numbers are on no other strip.
 */
async function refuseSecondSealing(
  manager: EntityManager,
  batchNumber: string,
  command: SealSampleCommand,
): Promise<void> {
  const sealed = await manager.findOneBy(Sealing, { batchNumber });
  if (sealed) throw conflict(`the sample of batch ${batchNumber} is sealed already (${sealed.sampleCode})`);
  await refuseSealNumbersInUse(manager, [
    ['testSample.sealNumber', command.testSample.sealNumber],
    ['backupSample.sealNumber', command.backupSample.sealNumber],
  ]);
}

/** Officers and lab staff sign the seal strips (封样条): at least two of each. */
const REQUIRED_SIGNERS = { 'enforcement-officer': 2, 'lab-staff': 2 } as const;

/**
 * Seals a batch's sample after unpacking: sample code, test and backup seals, signatures, the
 * backup's storage location; renders the work order and the sampling notice as Chinese PDFs,
 * stores them as evidence, and publishes sample-sealed (no buyer, no address).
 */
@Injectable()
export class SealSampleUseCase {
  private readonly font: CjkFont;

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: SealingDocumentStore,
    private readonly ledger: CustodyLedger,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {
    // Fails the start when the font is missing rather than printing boxes on legal documents.
    this.font = locateCjkFont(config.DOCUMENTS_CJK_FONT_FILE);
  }

  async execute(
    by: AuditActor,
    from: ExtractionFacts,
    sessionId: string,
    command: SealSampleCommand,
  ): Promise<Sealing> {
    const session = await this.dataSource.manager.findOneBy(UnpackingSession, { id: sessionId });
    if (!session) throw notFound('unpacking session', sessionId);
    if (session.status !== 'open') throw conflict(`unpacking session ${sessionId} is already sealed`);
    const shortfall = missingPeople(command.signatures, REQUIRED_SIGNERS);
    if (shortfall.length > 0) throw unprocessable('signatures', ...shortfall);
    const strangers = command.signatures.filter(
      (s) => !session.participants.some((p) => p.role === s.role && p.name === s.name.trim()),
    );
    if (strangers.length > 0) {
      throw unprocessable(
        'signatures',
        `signers must have been present at unpacking: ${strangers.map((s) => s.name).join(', ')}`,
      );
    }
    if (command.testSample.sealNumber === command.backupSample.sealNumber) {
      throw unprocessable('backupSample.sealNumber', 'must differ from the test sample seal number');
    }
    const order = await this.dataSource.manager.findOneBy(ExpectedParcel, {
      batchNumber: session.batchNumber,
    });
    if (!order) throw conflict(`no order-placed record for batch ${session.batchNumber}`);
    await refuseSecondSealing(this.dataSource.manager, session.batchNumber, command);

    const sealing: Sealing = {
      id: randomUUID(),
      sessionId,
      batchNumber: session.batchNumber,
      sampleCode: `${session.batchNumber}-S`,
      category: command.category,
      testSealNumber: command.testSample.sealNumber,
      testUnits: command.testSample.units,
      backupSealNumber: command.backupSample.sealNumber,
      backupUnits: command.backupSample.units,
      backupStorageLocation: command.backupStorageLocation,
      signatures: command.signatures.map((s) => ({
        role: s.role,
        name: s.name.trim(),
        signedAt: s.signedAt,
      })),
      workOrderNumber: `GD-${session.batchNumber}`,
      workOrderObjectId: randomUUID(),
      noticeObjectId: randomUUID(),
      sealedBy: by.actor,
      sealedAt: new Date(),
    };
    const issuer = this.config.EVIDENCE_ISSUER_NAME;
    const [workOrderPdf, noticePdf] = await Promise.all([
      renderDocument(workOrderDocument(issuer, order, session, sealing), this.font),
      renderDocument(samplingNoticeDocument(issuer, order, session, sealing), this.font),
    ]);
    // Stored before the transaction: if it fails, the PDFs stay as unreferenced (locked) objects.
    const workOrder = await this.documents.put(
      sealing.workOrderObjectId,
      session.batchNumber,
      'signed-work-order',
      workOrderPdf,
      '检验工作单.pdf',
    );
    const notice = await this.documents.put(
      sealing.noticeObjectId,
      session.batchNumber,
      'notice',
      noticePdf,
      '抽检通知书.pdf',
    );

    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(UnpackingSession, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (locked?.status !== 'open') throw conflict(`unpacking session ${sessionId} is already sealed`);
      for (const doc of [workOrder, notice]) await this.documents.register(manager, by, from, doc);
      await manager.update(UnpackingSession, { id: sessionId }, { status: 'sealed' });
      await manager.insert(Sealing, sealing).catch((error: unknown) => {
        throw sealingConflict(error);
      });
      for (const [role, seal] of [
        ['test', sealing.testSealNumber],
        ['backup', sealing.backupSealNumber],
      ] as const) {
        await this.ledger.append(manager, by, from, {
          action: 'seal',
          subjectType: 'sample',
          subjectId: `${sealing.sampleCode}:${role}`,
          batchNumber: sealing.batchNumber,
          detail: {
            sealNumber: seal,
            signatures: sealing.signatures,
            ...(role === 'backup' ? { storageLocation: sealing.backupStorageLocation } : {}),
          },
        });
      }
      await this.outbox.publish(manager, [
        {
          contract: SampleSealed,
          key: sealing.batchNumber,
          value: {
            batchNumber: sealing.batchNumber,
            sampleCode: sealing.sampleCode,
            category: sealing.category,
            claimed: { ...session.claimed },
            testSample: { sealNumber: sealing.testSealNumber, units: sealing.testUnits },
            backupSample: { sealNumber: sealing.backupSealNumber, units: sealing.backupUnits },
            workOrderNumber: sealing.workOrderNumber,
            unpackingSessionId: sessionId,
            sealedAt: sealing.sealedAt.toISOString(),
          },
        },
      ]);
      await this.audit.record(
        by,
        {
          action: 'sealing.seal',
          entityType: 'sealing',
          entityId: sealing.id,
          detail: { batchNumber: sealing.batchNumber, sampleCode: sealing.sampleCode },
        },
        manager,
      );
      return sealing;
    });
  }
}
