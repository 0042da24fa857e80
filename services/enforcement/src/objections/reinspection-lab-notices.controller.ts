import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { ConfirmReceiptCommand } from '../notices/confirm-receipt.command';
import { RecordDeliveryFailureCommand } from '../notices/record-delivery-failure.command';
import { RenderNoticePdfUseCase } from '../notices/render-notice-pdf.usecase';
import { LabNoticeDeliveryCommand } from './lab-notice-delivery.command';
import { RecordLabNoticeDeliveryUseCase } from './record-lab-notice-delivery.usecase';
import type { ReinspectionLabNotice } from '../notices/reinspection-lab-notice.entity';
import { ReinspectionLabNoticeQueries } from './reinspection-lab-notice.queries';
import { ReinspectionLabNoticeView } from './reinspection-lab-notice.view';

const READERS = { roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' } as const;
const OFFICERS = { roles: ['enforcement-officer'], scope: 'jurisdiction' } as const;

/**
 * The 《复检机构确定通知书》 of an objection and their delivery records. Like the objection, each is
 * seen and acted on only by callers whose scope covers its batch (BatchScope); others get 404.
 */
@ApiTags('objections')
@Controller()
export class ReinspectionLabNoticesController {
  constructor(
    private readonly queries: ReinspectionLabNoticeQueries,
    private readonly delivery: RecordLabNoticeDeliveryUseCase,
    private readonly renderPdf: RenderNoticePdfUseCase,
  ) {}

  private async load(principal: Principal, id: string): Promise<ReinspectionLabNotice> {
    return this.queries.visible(principal, id);
  }

  @Get('objections/:id/lab-notices')
  @Policy(READERS)
  @ApiOperation({
    summary:
      "An objection's 《复检机构确定通知书》 (to the applicant and to the re-inspection lab), oldest first, with their delivery records",
  })
  @ApiOkResponse({ type: ReinspectionLabNoticeView, isArray: true })
  async listLabNotices(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReinspectionLabNoticeView[]> {
    return this.queries.ofObjection(principal, id);
  }

  @Get('reinspection-lab-notices/:id/pdf')
  @Policy(READERS)
  @ApiOperation({
    summary: 'The 《复检机构确定通知书》 as a Chinese PDF, rendered from its text fixed at issue',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the notice as a PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async labNoticePdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const notice = await this.load(principal, id);
    return new StreamableFile(await this.renderPdf.renderFixed(notice.document), {
      type: 'application/pdf',
      disposition: `inline; filename="${notice.noticeNumber}.pdf"`,
    });
  }

  @Post('reinspection-lab-notices/:id/delivery')
  @HttpCode(200)
  @Policy(OFFICERS)
  @ApiOperation({
    summary:
      "Record how a 《复检机构确定通知书》 was sent and when and by whom it was received: the applicant's receipt starts the 7 days for the re-inspection procedures",
  })
  @ApiOkResponse({ type: ReinspectionLabNoticeView })
  @ApiUnprocessableEntityResponse({
    description:
      "sentAt or receivedAt lies in the future (enforcement's clock), sentAt precedes the notice's issue or a failed attempt, receivedAt is before sentAt, receivedBy is missing with receivedAt, or receivedAt lies on an earlier day than today (Asia/Shanghai) without receiptReason",
  })
  @ApiConflictResponse({
    description:
      "the notice's PDF is not stored as evidence yet (named), it was already received, sent at another time, or has a receipt awaiting a second officer's confirmation",
  })
  async recordLabNoticeDelivery(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: LabNoticeDeliveryCommand,
  ): Promise<ReinspectionLabNoticeView> {
    await this.load(principal, id);
    return ReinspectionLabNoticeView.of(await this.delivery.deliver(actor, id, command));
  }

  @Post('reinspection-lab-notices/:id/delivery-failure')
  @HttpCode(200)
  @Policy(OFFICERS)
  @ApiOperation({
    summary:
      'Record that a 《复检机构确定通知书》 did not reach its recipient (refused, address unknown, returned): kept with the reason; the 7 days stay pending until a receipt, and the notice may be sent again',
  })
  @ApiOkResponse({ type: ReinspectionLabNoticeView })
  @ApiUnprocessableEntityResponse({
    description:
      "failedAt or sentAt lies in the future, failedAt is before sentAt, sentAt precedes the notice's issue, or sentAt is missing for a refused or returned notice",
  })
  @ApiConflictResponse({
    description:
      'the notice has a receipt on record, its failure is already recorded without a new attempt, or (sent) its PDF is not stored as evidence yet',
  })
  async recordLabNoticeDeliveryFailure(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: RecordDeliveryFailureCommand,
  ): Promise<ReinspectionLabNoticeView> {
    await this.load(principal, id);
    return ReinspectionLabNoticeView.of(await this.delivery.fail(actor, id, command));
  }

  @Post('reinspection-lab-notices/:id/receipt-confirmation')
  @HttpCode(200)
  @Policy(OFFICERS)
  @ApiOperation({
    summary:
      "A second officer confirms a receipt of a 《复检机构确定通知书》 recorded after the day it happened (four-eyes); the applicant's then starts the 7 days",
  })
  @ApiOkResponse({ type: ReinspectionLabNoticeView })
  @ApiUnprocessableEntityResponse({ description: 'receivedAt is not the receipt awaiting confirmation' })
  @ApiConflictResponse({
    description: 'no receipt awaits confirmation, or the caller recorded it (rule four-eyes)',
  })
  async confirmLabNoticeReceipt(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ConfirmReceiptCommand,
  ): Promise<ReinspectionLabNoticeView> {
    await this.load(principal, id);
    return ReinspectionLabNoticeView.of(await this.delivery.confirmReceipt(actor, id, command));
  }
}
