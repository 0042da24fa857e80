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
import { DataSource, In } from 'typeorm';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { ExpectedParcel } from './expected-parcel.entity';
import { ExpectedParcelPage, ExpectedParcelView } from './expected-parcel.view';
import { ListExpectedParcelsQuery, ListParcelsQuery } from './list-parcels.query';
import { Parcel } from './parcel.entity';
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
    private readonly dataSource: DataSource,
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
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`p.status = $${params.length}`);
    }
    if (query.unpacked) {
      where.push(
        `${query.unpacked === 'true' ? '' : 'not '}exists (select 1 from unpacking_session u where u.parcel_id = p.id)`,
      );
    }
    const filter = where.length > 0 ? `where ${where.join(' and ')}` : '';
    const m = this.dataSource.manager;
    const [{ total }] = (await m.query(
      `select count(*)::int as total from parcel p ${filter}`,
      params,
    )) as Array<{
      total: number;
    }>;
    const rows = (await m.query(
      `select p.id, (select u.id::text from unpacking_session u where u.parcel_id = p.id order by u.opened_at desc limit 1) as session_id
         from parcel p ${filter}
        order by p.received_at desc, p.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<{ id: string; session_id: string | null }>;
    const parcels = rows.length === 0 ? [] : await m.findBy(Parcel, { id: In(rows.map((r) => r.id)) });
    const items = rows.map((r) =>
      ParcelView.of(
        parcels.find((p) => p.id === r.id)!,
        r.session_id,
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get('expected-parcels')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOperation({
    summary: 'Parcels shipped and not admitted yet, the earliest shipped first (no buyer, no address)',
  })
  @ApiOkResponse({ type: ExpectedParcelPage })
  async listExpectedParcels(@Query() query: ListExpectedParcelsQuery): Promise<ExpectedParcelPage> {
    const m = this.dataSource.manager;
    const outstanding = `from expected_parcel e
       where not exists (select 1 from parcel p where p.batch_number = e.batch_number and p.status = 'admitted')`;
    const [{ total }] = (await m.query(`select count(*)::int as total ${outstanding}`)) as Array<{
      total: number;
    }>;
    const rows = (await m.query(
      `select e.batch_number,
              (select count(*)::int from parcel q where q.batch_number = e.batch_number and q.status = 'quarantined') as quarantined
         ${outstanding}
        order by e.shipped_at, e.batch_number
        limit $1 offset $2`,
      [query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<{ batch_number: string; quarantined: number }>;
    const orders =
      rows.length === 0
        ? []
        : await m.findBy(ExpectedParcel, { batchNumber: In(rows.map((r) => r.batch_number)) });
    const items = rows.map((r) =>
      ExpectedParcelView.of(
        orders.find((o) => o.batchNumber === r.batch_number)!,
        r.quarantined,
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get('parcels/:id')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOkResponse({ type: ParcelView })
  async getParcel(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParcelView> {
    const parcel = await this.dataSource.manager.findOneBy(Parcel, { id });
    if (!parcel) throw notFound('parcel', id);
    return ParcelView.of(parcel);
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
