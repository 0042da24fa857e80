import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { DataSource } from 'typeorm';
import { Parcel } from './parcel.entity';
import { ParcelView } from './parcel.view';
import { ReceiveParcelCommand } from './receive-parcel.command';
import { ReceiveParcelUseCase } from './receive-parcel.usecase';

@ApiTags('intake')
@Controller('intake/parcels')
export class IntakeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly receiveParcel: ReceiveParcelUseCase,
  ) {}

  @Post()
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

  @Get(':id')
  @Policy({ roles: ['intake-officer', 'auditor'] })
  @ApiOkResponse({ type: ParcelView })
  async getParcel(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParcelView> {
    const parcel = await this.dataSource.manager.findOneBy(Parcel, { id });
    if (!parcel) throw notFound('parcel', id);
    return ParcelView.of(parcel);
  }
}
