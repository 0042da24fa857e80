import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { DispatchQueries } from './dispatch.queries';
import { DispatchPage } from './dispatch-page.view';
import { DispatchRecordView } from './dispatch-record.view';
import { ListDispatchesQuery } from './list-dispatches.query';

/** Dispatches as the bureau and auditors see them, with the draw (seed, candidates) for checking. */
@ApiTags('dispatches')
@Controller('dispatches')
@Policy({ roles: ['admin', 'auditor'] })
export class DispatchesController {
  constructor(private readonly queries: DispatchQueries) {}

  @Get()
  @ApiOperation({ summary: 'Dispatches, newest first; by batch, status, overdue' })
  @ApiOkResponse({ type: DispatchPage })
  async listDispatches(@Query() query: ListDispatchesQuery): Promise<DispatchPage> {
    return this.queries.dispatches(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dispatch with its draw redone from the record' })
  @ApiOkResponse({ type: DispatchRecordView })
  async getDispatch(@Param('id', new ParseUUIDPipe()) id: string): Promise<DispatchRecordView> {
    const found = await this.queries.dispatch(id);
    if (!found) throw notFound('dispatch', id);
    return found;
  }
}
