import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { BatchNumberPipe } from '@qis/domain';
import type { Notice } from './notice.entity';
import { NoticeQueries } from './notice.queries';
import { NoticeView } from './notice.view';
import { ConfirmReceiptCommand } from './confirm-receipt.command';
import { RecordDeliveryCommand } from './record-delivery.command';
import { RecordDeliveryUseCase } from './record-delivery.usecase';
import { RenderNoticePdfUseCase } from './render-notice-pdf.usecase';
import { ListNoticesQuery } from './list-notices.query';
import { ListNoticesUseCase } from './list-notices.usecase';
import { NoticePageView } from './notice-page.view';
import { RecordDeliveryFailureCommand } from './record-delivery-failure.command';
import { RecordDeliveryFailureUseCase } from './record-delivery-failure.usecase';
import { DeliveryFailureView } from './delivery-failure.view';

/** Officers see the notices of the batches in their scope only (BatchScope); others 404. */
@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(
    private readonly queries: NoticeQueries,
    private readonly recordDelivery: RecordDeliveryUseCase,
    private readonly renderPdf: RenderNoticePdfUseCase,
    private readonly noticeList: ListNoticesUseCase,
    private readonly recordFailure: RecordDeliveryFailureUseCase,
  ) {}

  /** The notice, if the caller may see its batch; else the 404 of an unknown id. */
  private async load(principal: Principal, id: string): Promise<Notice> {
    return this.queries.visible(principal, id);
  }

  @Get('batches/:batchNumber/notices')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary: "A batch's notices (sampling, result, re-inspection result) with deadlines and delivery records",
  })
  @ApiOkResponse({ type: NoticeView, isArray: true })
  async listBatchNotices(
    @CurrentPrincipal() principal: Principal,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
  ): Promise<NoticeView[]> {
    return this.queries.ofBatch(principal, batchNumber);
  }

  @Get('notices')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Notices of the batches in the caller's scope (an officer's jurisdiction), newest first, by batch, kind and delivery state",
  })
  @ApiOkResponse({ type: NoticePageView })
  async listNotices(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNoticesQuery,
  ): Promise<NoticePageView> {
    return this.noticeList.execute(principal, query);
  }

  @Get('notices/:id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'One notice' })
  @ApiOkResponse({ type: NoticeView })
  async getNotice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NoticeView> {
    return NoticeView.of(await this.load(principal, id));
  }

  @Get('notices/:id/pdf')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary: 'The notice as a Chinese PDF, rendered from its stored text',
    description:
      "With the issuing authority, legal basis, rights and periods in words and the date in words; a result notice is followed by the pages of the lab's signed report, read from the evidence service.",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the notice as a PDF (exactly `application/pdf`: a PDF has no charset)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiServiceUnavailableResponse({
    description:
      'a result notice whose lab report cannot be read from the evidence service (never made without it; the message names the report), or the CJK font is missing',
  })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const notice = await this.load(principal, id);
    // The type goes with the file, not on the route (`@Header`): a route header is set before the
    // pipes run, so a 400 or 404 went out as JSON labelled `application/pdf; charset=utf-8`.
    return new StreamableFile(await this.renderPdf.execute(notice), {
      type: 'application/pdf',
      disposition: `inline; filename="${notice.noticeNumber}.pdf"`,
    });
  }

  @Post('notices/:id/delivery')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary: 'Record how a notice was sent and when it was received (the objection clock starts at receipt)',
  })
  @ApiOkResponse({ type: NoticeView })
  @ApiUnprocessableEntityResponse({
    description:
      "sentAt or receivedAt lies in the future (enforcement's clock), sentAt precedes the notice's issuedAt, receivedAt is before sentAt, or receivedAt lies on an earlier day than today (Asia/Shanghai) without receiptReason",
  })
  @ApiConflictResponse({
    description:
      "the notice was withdrawn, is a public notice (published, not delivered), was already received, was already sent at another time, or has a receipt awaiting a second officer's confirmation",
  })
  async deliver(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RecordDeliveryCommand,
  ): Promise<NoticeView> {
    await this.load(principal, id);
    return NoticeView.of(await this.recordDelivery.execute(actor, id, command));
  }

  @Post('notices/:id/delivery-failure')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'Record that a result notice could not be delivered (refused, address unknown, returned): a public notice replaces it, published now through disclosure; the objection period runs from its publication',
  })
  @ApiOkResponse({ type: DeliveryFailureView })
  @ApiUnprocessableEntityResponse({
    description:
      "failedAt or sentAt lies in the future, failedAt is before sentAt, sentAt precedes the notice's issue, or sentAt is missing for a refused or returned notice",
  })
  @ApiConflictResponse({
    description:
      'the notice is not a result notice to the seller or the producer, was withdrawn, is a public notice, already failed, has a receipt on record, or was sent at another time',
  })
  async deliveryFailure(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RecordDeliveryFailureCommand,
  ): Promise<DeliveryFailureView> {
    await this.load(principal, id);
    const { failed, publicNotice } = await this.recordFailure.execute(actor, id, command);
    return { notice: NoticeView.of(failed), publicNotice: NoticeView.of(publicNotice) };
  }

  @Post('notices/:id/receipt-confirmation')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'A second officer confirms a receipt recorded after the day it happened (four-eyes); the objection period then runs from it',
  })
  @ApiOkResponse({ type: NoticeView })
  @ApiUnprocessableEntityResponse({ description: 'receivedAt is not the receipt awaiting confirmation' })
  @ApiConflictResponse({
    description:
      'no receipt awaits confirmation (or the notice was withdrawn, is a public notice, or was already received), or the caller recorded it (rule four-eyes)',
  })
  async confirmReceipt(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ConfirmReceiptCommand,
  ): Promise<NoticeView> {
    await this.load(principal, id);
    return NoticeView.of(await this.recordDelivery.confirmReceipt(actor, id, command));
  }
}
