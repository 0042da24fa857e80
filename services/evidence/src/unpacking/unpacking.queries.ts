import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CustodyEntry } from '../custody/custody-entry.entity';
import { ExpectedParcel } from '../intake/expected-parcel.entity';
import { Sealing } from '../sealing/sealing.entity';
import { ListSessionsQuery } from './list-sessions.query';
import {
  UnpackingSessionDetailView,
  UnpackingSessionPage,
  type SampleCustodyStepView,
} from './unpacking-session-detail.view';
import { UnpackingSession } from './unpacking-session.entity';
import { UnpackingSessionView } from './unpacking-session.view';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Unpacking sessions as intake officers and auditors read them. */
@Injectable()
export class UnpackingQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Sessions by status, a page of them (sealed ones newest first, the others oldest first). */
  async sessions(query: ListSessionsQuery): Promise<UnpackingSessionPage> {
    const where = query.status ? { status: query.status } : {};
    const [sessions, total] = await this.dataSource.manager.findAndCount(UnpackingSession, {
      where,
      order: { openedAt: query.status === 'sealed' ? 'DESC' : 'ASC', id: 'ASC' },
      take: query.pageSize,
      skip: (query.page - 1) * query.pageSize,
    });
    const sealings =
      sessions.length === 0
        ? []
        : await this.dataSource.manager.findBy(Sealing, { sessionId: In(sessions.map((s) => s.id)) });
    return {
      items: sessions.map((s) =>
        UnpackingSessionView.of(s, sealings.find((x) => x.sessionId === s.id)?.sampleCode ?? null),
      ),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** One session with who was present, its recordings, its sealing and the sample's custody; null for none. */
  async session(id: string): Promise<UnpackingSessionDetailView | null> {
    const m = this.dataSource.manager;
    const session = await m.findOneBy(UnpackingSession, { id });
    if (!session) return null;
    const [order, sealing] = await Promise.all([
      m.findOneBy(ExpectedParcel, { batchNumber: session.batchNumber }),
      m.findOneBy(Sealing, { sessionId: id }),
    ]);
    const entries = sealing
      ? await m
          .createQueryBuilder(CustodyEntry, 'c')
          .where("c.subject_type = 'sample' and c.subject_id in (:...ids)", {
            ids: [`${sealing.sampleCode}:test`, `${sealing.sampleCode}:backup`],
          })
          .orderBy('c.seq', 'ASC')
          .getMany()
      : [];
    const custody = entries.map((e): SampleCustodyStepView => {
      const d = e.detail as Record<string, unknown>;
      return {
        action: e.action,
        sample: e.subjectId.endsWith(':test') ? 'test' : 'backup',
        at: e.occurredAt.toISOString(),
        actor: e.actor,
        sealNumber: str(d['sealNumber']) ?? str(d['newSeal']),
        labId: str(d['labId']),
        counterpart: str(d['counterpart']),
        sealIntact: typeof d['sealIntact'] === 'boolean' ? d['sealIntact'] : null,
        reason: str(d['reason']),
      };
    });
    return {
      ...UnpackingSessionView.of(session, sealing?.sampleCode ?? null),
      openedBy: session.openedBy,
      participants: session.participants.map((p) => ({ role: p.role, name: p.name })),
      videoObjectId: session.videoObjectId,
      waybillPhotoObjectId: session.waybillPhotoObjectId,
      photoObjectIds: session.photoObjectIds,
      claimed: { ...session.claimed },
      testUnits: order?.testUnits ?? 1,
      backupUnits: order?.backupUnits ?? 1,
      sealing: sealing
        ? {
            sampleCode: sealing.sampleCode,
            category: sealing.category,
            testSealNumber: sealing.testSealNumber,
            testUnits: sealing.testUnits,
            backupSealNumber: sealing.backupSealNumber,
            backupUnits: sealing.backupUnits,
            backupStorageLocation: sealing.backupStorageLocation,
            workOrderNumber: sealing.workOrderNumber,
            workOrderObjectId: sealing.workOrderObjectId,
            noticeObjectId: sealing.noticeObjectId,
            signatures: sealing.signatures.map((s) => ({ role: s.role, name: s.name })),
            sealedAt: sealing.sealedAt.toISOString(),
          }
        : null,
      custody,
    };
  }
}
