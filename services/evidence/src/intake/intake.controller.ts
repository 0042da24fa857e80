import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { ExpectedParcelPage } from './expected-parcel.view';
import { IntakeQueries } from './intake.queries';
import { ListExpectedParcelsQuery, ListParcelsQuery } from './list-parcels.query';
import { ParcelPage } from './parcel-page.view';
import { ParcelView } from './parcel.view';
import { ReceiveParcelCommand } from './receive-parcel.command';
import { ReceiveParcelUseCase } from './receive-parcel.usecase';
import { RejectParcelCommand, ReleaseParcelCommand } from './resolve-quarantine.command';
import { ResolveQuarantineUseCase } from './resolve-quarantine.usecase';

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly queries: IntakeQueries,
    private readonly receiveParcel: ReceiveParcelUseCase,
    private readonly resolveQuarantine: ResolveQuarantineUseCase,
  ) {}

  @Post('parcels')
  @Policy({ roles: ['intake-officer'] })
  @ApiOperation({
    summary: 'Receive a parcel: admitted when carrier + tracking number match an order, else quarantined',
  })
  @ApiCreatedResponse({ type: ParcelView })
  async receive(
    @CurrentActor() actor: AuditActor,
    @Body() command: ReceiveParcelCommand,
  ): Promise<ParcelView> {
    return ParcelView.of(await this.receiveParcel.execute(actor, command));
  }

  @Get('parcels')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOperation({
    summary:
      'Parcels received, newest first: by status (quarantined, admitted, rejected) and, for admitted ones, unpacked or not',
  })
  @ApiOkResponse({ type: ParcelPage })
  async listParcels(@Query() query: ListParcelsQuery): Promise<ParcelPage> {
    return this.queries.parcels(query);
  }

  @Get('expected-parcels')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOperation({
    summary: 'Parcels shipped and not admitted yet, the earliest shipped first (no buyer, no address)',
  })
  @ApiOkResponse({ type: ExpectedParcelPage })
  async listExpectedParcels(@Query() query: ListExpectedParcelsQuery): Promise<ExpectedParcelPage> {
    return this.queries.expectedParcels(query);
  }

  @Get('parcels/:id')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOkResponse({ type: ParcelView })
  async getParcel(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParcelView> {
    const parcel = await this.queries.parcel(id);
    if (!parcel) throw notFound('parcel', id);
    return parcel;
  }

  @Post('parcels/:id/release')
  @Policy({ roles: ['intake-officer'] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Release a quarantined parcel into its batch with a reason: admitted, parcel-received published, audited and in the custody ledger',
  })
  @ApiOkResponse({ type: ParcelView })
  @ApiNotFoundResponse({ description: 'no such parcel' })
  @ApiUnprocessableEntityResponse({
    description:
      'no batch named for a parcel that matched none, another batch than it matched, or a batch with no order',
  })
  @ApiConflictResponse({
    description: 'the parcel is not quarantined, or its batch already has an admitted parcel',
  })
  async releaseParcel(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ReleaseParcelCommand,
  ): Promise<ParcelView> {
    return ParcelView.of(await this.resolveQuarantine.release(actor, from, id, command));
  }

  @Post('parcels/:id/reject')
  @Policy({ roles: ['intake-officer'] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reject a quarantined parcel with a reason (refused, returned): audited and in the custody ledger',
  })
  @ApiOkResponse({ type: ParcelView })
  @ApiNotFoundResponse({ description: 'no such parcel' })
  @ApiConflictResponse({ description: 'the parcel is not quarantined' })
  async rejectParcel(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RejectParcelCommand,
  ): Promise<ParcelView> {
    return ParcelView.of(await this.resolveQuarantine.reject(actor, from, id, command));
  }
}
