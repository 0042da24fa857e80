import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '@qis/auth';
import { DataSource, IsNull } from 'typeorm';
import { WaitingDispatch } from './waiting-dispatch.entity';
import { WaitingSampleView } from './waiting-sample.view';

/** Sealed samples no lab can take yet: the bureau registers or fixes a lab, and they are drawn. */
@ApiTags('dispatches')
@Controller('waiting-samples')
@Policy({ roles: ['admin', 'auditor'] })
export class WaitingSamplesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Samples waiting for a lab, oldest first' })
  @ApiOkResponse({ type: [WaitingSampleView] })
  async listWaitingSamples(): Promise<WaitingSampleView[]> {
    const rows = await this.dataSource.manager.find(WaitingDispatch, {
      where: { dispatchedAt: IsNull() },
      order: { waitingSince: 'ASC', id: 'ASC' },
      take: 500,
    });
    return rows.map((w) => WaitingSampleView.of(w));
  }
}
