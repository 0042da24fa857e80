import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { AddAddressCommand } from './add-address.command';
import { AddAddressUseCase } from './add-address.usecase';
import { AddressView } from './address-view';
import { AddressQueries } from './address.queries';

@ApiTags('addresses')
@ApiBearerAuth()
@Controller('addresses')
export class AddressesController {
  constructor(
    private readonly queries: AddressQueries,
    private readonly add: AddAddressUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Add a receiving address (possibly a relay) to the pool' })
  @ApiCreatedResponse({ type: AddressView })
  async addAddress(
    @CurrentActor() actor: AuditActor,
    @Body() command: AddAddressCommand,
  ): Promise<AddressView> {
    return this.add.execute(actor, command);
  }

  @Get()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'The address pool, by label and area (no recipient or street)' })
  @ApiOkResponse({ type: [AddressView] })
  async listAddresses(): Promise<AddressView[]> {
    return this.queries.list();
  }
}
