import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { RenderTransferLetterPdfUseCase } from './render-transfer-letter-pdf.usecase';
import { TransferLetterQueries } from './transfer-letter.queries';
import { TransferLetterView } from './transfer-letter.view';

/** A case's transfer letter, for whoever may read the case (the same jurisdiction scope). */
@ApiTags('cases')
@Controller('cases')
export class TransferLettersController {
  constructor(
    private readonly letters: TransferLetterQueries,
    private readonly renderPdf: RenderTransferLetterPdfUseCase,
  ) {}

  @Get(':id/transfer-letter')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'The transfer letter (案件移送函) of a case handed to an authority outside the city (outside the jurisdiction: 404)',
  })
  @ApiOkResponse({ type: TransferLetterView })
  @ApiNotFoundResponse({
    description: 'no such case in the caller’s jurisdiction, or the case was not transferred',
  })
  async transferLetter(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TransferLetterView> {
    return TransferLetterView.of(await this.letters.latest(principal, id));
  }

  @Get(':id/transfer-letter/pdf')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'The transfer letter as a Chinese PDF, rendered from the text fixed when issued' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the letter as a PDF (exactly `application/pdf`)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({
    description: 'no such case in the caller’s jurisdiction, or the case was not transferred',
  })
  async transferLetterPdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const letter = await this.letters.latest(principal, id);
    return new StreamableFile(await this.renderPdf.execute(letter), {
      type: 'application/pdf',
      disposition: `inline; filename="${letter.letterNumber}.pdf"`,
    });
  }
}
