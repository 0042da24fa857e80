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
import { ListSessionsQuery } from './list-sessions.query';
import { OpenSessionCommand } from './open-session.command';
import { OpenSessionUseCase } from './open-session.usecase';
import { UnpackingSessionDetailView, UnpackingSessionPage } from './unpacking-session-detail.view';
import { UnpackingQueries } from './unpacking.queries';
import { UnpackingSessionView } from './unpacking-session.view';

@ApiTags('unpacking')
@Controller('unpacking-sessions')
export class UnpackingController {
  constructor(
    private readonly queries: UnpackingQueries,
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
  @ApiConflictResponse({
    description: 'the batch already has an open unpacking session, or was unpacked and sealed already',
  })
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
    return this.queries.sessions(query);
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
    const session = await this.queries.session(id);
    if (!session) throw notFound('unpacking session', id);
    return session;
  }
}
