import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '@qis/auth';
import { DispatchQueries } from './dispatch.queries';
import { WaitingSampleView } from './waiting-sample.view';

/** Sealed samples no lab can take yet: the bureau registers or fixes a lab, and they are drawn. */
@ApiTags('dispatches')
@Controller('waiting-samples')
@Policy({ roles: ['admin', 'auditor'] })
export class WaitingSamplesController {
  constructor(private readonly queries: DispatchQueries) {}

  @Get()
  @ApiOperation({ summary: 'Samples waiting for a lab, oldest first' })
  @ApiOkResponse({ type: [WaitingSampleView] })
  async listWaitingSamples(): Promise<WaitingSampleView[]> {
    return this.queries.waitingSamples();
  }
}
