import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { Repository } from 'typeorm';
import { BatchNumberPipe } from '../http/batch-number.pipe';
import { Notice } from './notice.entity';
import { NoticeView } from './notice.view';
import { RecordDeliveryCommand } from './record-delivery.command';
import { RecordDeliveryUseCase } from './record-delivery.usecase';

@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    private readonly recordDelivery: RecordDeliveryUseCase,
  ) {}

  @Get('batches/:batchNumber/notices')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({
    summary: "A batch's notices (sampling, result, re-inspection result) with deadlines and delivery records",
  })
  @ApiOkResponse({ type: NoticeView, isArray: true })
  async list(@Param('batchNumber', BatchNumberPipe) batchNumber: string): Promise<NoticeView[]> {
    const found = await this.notices.find({ where: { batchNumber }, order: { noticeNumber: 'ASC' } });
    return found.map((n) => NoticeView.of(n));
  }

  @Get('notices/:id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({ summary: 'One notice' })
  @ApiOkResponse({ type: NoticeView })
  async one(@Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeView> {
    const found = await this.notices.findOneBy({ id });
    if (!found) throw notFound('notice', id);
    return NoticeView.of(found);
  }

  @Post('notices/:id/delivery')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'] })
  @ApiOperation({
    summary: 'Record how a notice was sent and when it was received (the objection clock starts at receipt)',
  })
  @ApiOkResponse({ type: NoticeView })
  async deliver(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RecordDeliveryCommand,
  ): Promise<NoticeView> {
    return NoticeView.of(await this.recordDelivery.execute(actor, id, command));
  }
}
