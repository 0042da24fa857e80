import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { DataSource, In } from 'typeorm';
import { CustodyEntry } from '../custody/custody-entry.entity';
import { ExpectedParcel } from '../intake/expected-parcel.entity';
import { Sealing } from '../sealing/sealing.entity';
import { ListSessionsQuery } from './list-sessions.query';
import { OpenSessionCommand } from './open-session.command';
import { OpenSessionUseCase } from './open-session.usecase';
import {
  UnpackingSessionDetailView,
  UnpackingSessionPage,
  type SampleCustodyStepView,
} from './unpacking-session-detail.view';
import { UnpackingSession } from './unpacking-session.entity';
import { UnpackingSessionView } from './unpacking-session.view';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

@ApiTags('unpacking')
@Controller('unpacking-sessions')
export class UnpackingController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly openSession: OpenSessionUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['intake-officer'] })
  @ApiOperation({
    summary:
      'Open the unpacking of an admitted parcel: buyer, ≥2 enforcement officers, ≥2 lab staff, video, waybill, claimed facts',
  })
  @ApiCreatedResponse({ type: UnpackingSessionView })
  @ApiUnprocessableEntityResponse({
    description:
      'participants short of the required people (a buyer, two enforcement officers, two lab staff) or naming the buyer otherwise, ' +
      'evidence that is not stored evidence of the batch, or a parcel not admitted; `errors` names the field',
  })
  @ApiConflictResponse({ description: 'the batch already has an open unpacking session' })
  async openUnpackingSession(
    @CurrentActor() actor: AuditActor,
    @Body() command: OpenSessionCommand,
  ): Promise<UnpackingSessionView> {
    return UnpackingSessionView.of(await this.openSession.execute(actor, command));
  }

  @Get()
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOperation({
    summary: 'Unpacking sessions, the oldest first: open ones are unpacked and still to seal',
  })
  @ApiOkResponse({ type: UnpackingSessionPage })
  async listSessions(@Query() query: ListSessionsQuery): Promise<UnpackingSessionPage> {
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

  @Get(':id')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOperation({
    summary:
      'One unpacking: who was present (the buyer by pseudonym), the recordings, the claimed facts, the sealed sample and its custody steps',
  })
  @ApiOkResponse({ type: UnpackingSessionDetailView })
  @ApiNotFoundResponse({ description: 'no such session' })
  async getSession(@Param('id', new ParseUUIDPipe()) id: string): Promise<UnpackingSessionDetailView> {
    const m = this.dataSource.manager;
    const session = await m.findOneBy(UnpackingSession, { id });
    if (!session) throw notFound('unpacking session', id);
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
