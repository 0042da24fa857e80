import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { DeadLetterPositionParams } from './dead-letter-position.params';
import { DeadLetterTopicParams } from './dead-letter-topic.params';
import { DeadLetterView } from './dead-letter.view';
import { DeadLettersView } from './dead-letters.view';
import { InspectDeadLetterUseCase } from './inspect-dead-letter.usecase';
import { ListDeadLettersUseCase } from './list-dead-letters.usecase';
import { ReplayDeadLettersCommand } from './replay-dead-letters.command';
import { ReplayDeadLettersUseCase } from './replay-dead-letters.usecase';
import { ReplayResultView } from './replay-result.view';

/** The dead letters of this service over HTTP: what `npm run dlq` does, for the console's admins. */
@ApiTags('ops')
@Controller('ops/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly list: ListDeadLettersUseCase,
    private readonly inspect: InspectDeadLetterUseCase,
    private readonly replay: ReplayDeadLettersUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: "This service's dead letters per topic it consumes: counts, what failed and why" })
  @ApiOkResponse({ type: DeadLettersView })
  letters(): Promise<DeadLettersView> {
    return this.list.execute();
  }

  @Get(':topic/:partition/:offset')
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: 'One dead letter with its headers and value' })
  @ApiOkResponse({ type: DeadLetterView })
  @ApiBadRequestResponse({ description: 'a malformed topic, partition or offset; the body names it' })
  @ApiNotFoundResponse({ description: 'not a topic this service consumes, or no letter of it there' })
  letter(@Param() params: DeadLetterPositionParams): Promise<DeadLetterView> {
    return this.inspect.execute(params.topic, params.partition, params.offset);
  }

  @Post(':topic/replay')
  @Policy({ roles: ['admin'] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send dead letters back to their topic (message id kept: groups that applied it skip it); audited',
  })
  @ApiOkResponse({ type: ReplayResultView })
  @ApiBadRequestResponse({ description: 'neither positions nor all: true, or a malformed position' })
  @ApiNotFoundResponse({
    description: 'not a topic this service consumes, or a position with no letter of it',
  })
  replayLetters(
    @Param() params: DeadLetterTopicParams,
    @Body() command: ReplayDeadLettersCommand,
    @CurrentActor() actor: AuditActor,
  ): Promise<ReplayResultView> {
    return this.replay.execute(actor, params.topic, command);
  }
}
