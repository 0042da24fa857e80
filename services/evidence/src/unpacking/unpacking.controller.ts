import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { OpenSessionCommand } from './open-session.command';
import { OpenSessionUseCase } from './open-session.usecase';
import { UnpackingSessionView } from './unpacking-session.view';

@ApiTags('unpacking')
@Controller('unpacking-sessions')
export class UnpackingController {
  constructor(private readonly openSession: OpenSessionUseCase) {}

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
  async open(
    @CurrentActor() actor: AuditActor,
    @Body() command: OpenSessionCommand,
  ): Promise<UnpackingSessionView> {
    return UnpackingSessionView.of(await this.openSession.execute(actor, command));
  }
}
