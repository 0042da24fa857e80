import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { DataSource, IsNull, Not, type FindOptionsWhere } from 'typeorm';
import { shanghaiDate } from '@qis/domain';
import { Assignment } from './assignment.entity';
import { DispatchPage } from './dispatch-page.view';
import { DispatchRecordView } from './dispatch-record.view';
import { ListDispatchesQuery } from './list-dispatches.query';
import { Clock } from '../clock/clock';

/** Dispatches as the bureau and auditors see them, with the draw (seed, candidates) for checking. */
@ApiTags('dispatches')
@Controller('dispatches')
@Policy({ roles: ['admin', 'auditor'] })
export class DispatchesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dispatches, newest first; by batch, status, overdue' })
  @ApiOkResponse({ type: DispatchPage })
  async listDispatches(@Query() query: ListDispatchesQuery): Promise<DispatchPage> {
    const where: FindOptionsWhere<Assignment> = {
      sandbox: false, // integrators' practice runs are not the bureau's dispatches
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue === undefined ? {} : { overdueAlertedAt: query.overdue ? Not(IsNull()) : IsNull() }),
    };
    const [rows, total] = await this.dataSource.manager.findAndCount(Assignment, {
      where,
      order: { dispatchedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const today = shanghaiDate(this.clock.now());
    return {
      items: rows.map((a) => DispatchRecordView.record(a, today)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dispatch with its draw redone from the record' })
  @ApiOkResponse({ type: DispatchRecordView })
  async getDispatch(@Param('id', new ParseUUIDPipe()) id: string): Promise<DispatchRecordView> {
    const found = await this.dataSource.manager.findOneBy(Assignment, { id });
    if (!found) throw notFound('dispatch', id);
    return DispatchRecordView.record(found, shanghaiDate(this.clock.now()));
  }
}
