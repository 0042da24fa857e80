import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { labOf } from '../../shared/lab-of';
import { ContractHistoryView } from './contract-history.view';
import { ContractQueries } from './contract.queries';

/** Lab API v1: a lab reads its own entrustment contracts (term, categories, turnaround, prices). */
@ApiTags('lab API v1')
@Controller('v1/contracts')
@Policy({ roles: ['lab'], scope: 'lab' })
export class OwnContractsController {
  constructor(private readonly queries: ContractQueries) {}

  @Get()
  @ApiOperation({ summary: 'My contracts, newest term first, each with its earlier versions' })
  @ApiOkResponse({ type: [ContractHistoryView] })
  async listOwnContracts(@CurrentPrincipal() principal: Principal): Promise<ContractHistoryView[]> {
    const labId = labOf(principal);
    if (labId === null) return [];
    return this.queries.ofLab(labId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my contracts with its earlier versions' })
  @ApiOkResponse({ type: ContractHistoryView })
  @ApiNotFoundResponse({ description: 'no such contract, or not this lab’s (answered alike)' })
  async getOwnContract(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ContractHistoryView> {
    const labId = labOf(principal);
    const contract = labId === null ? null : await this.queries.oneOfLab(labId, id);
    if (!contract) throw notFound('contract', id);
    return contract;
  }
}
