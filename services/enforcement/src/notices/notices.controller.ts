import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { Repository } from 'typeorm';
import { BatchNumberPipe } from '../http/batch-number.pipe';
import { Notice } from './notice.entity';
import { NoticeView } from './notice.view';
import { RecordDeliveryCommand } from './record-delivery.command';
import { RecordDeliveryUseCase } from './record-delivery.usecase';
import { RenderNoticePdfUseCase } from './render-notice-pdf.usecase';

@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    private readonly recordDelivery: RecordDeliveryUseCase,
    private readonly renderPdf: RenderNoticePdfUseCase,
  ) {}

  @Get('batches/:batchNumber/notices')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({
    summary: "A batch's notices (sampling, result, re-inspection result) with deadlines and delivery records",
  })
  @ApiOkResponse({ type: NoticeView, isArray: true })
  async listBatchNotices(@Param('batchNumber', BatchNumberPipe) batchNumber: string): Promise<NoticeView[]> {
    const found = await this.notices.find({ where: { batchNumber }, order: { noticeNumber: 'ASC' } });
    return found.map((n) => NoticeView.of(n));
  }

  @Get('notices/:id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @ApiOperation({ summary: 'One notice' })
  @ApiOkResponse({ type: NoticeView })
  async getNotice(@Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeView> {
    const found = await this.notices.findOneBy({ id });
    if (!found) throw notFound('notice', id);
    return NoticeView.of(found);
  }

  @Get('notices/:id/pdf')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'] })
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: 'The notice as a Chinese PDF, rendered from its stored text' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF' })
  async pdf(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const found = await this.notices.findOneBy({ id });
    if (!found) throw notFound('notice', id);
    return new StreamableFile(await this.renderPdf.execute(found));
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
