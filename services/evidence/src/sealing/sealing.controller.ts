import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { locateCjkFont, renderLabels } from '@qis/documents';
import { Inject } from '@nestjs/common';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { HandOverCommand } from './hand-over.command';
import { ResealCommand } from './reseal.command';
import { ResealView } from './reseal.view';
import { SampleCustodyUseCase } from './sample-custody.usecase';
import { SealSampleCommand } from './seal-sample.command';
import { SealSampleUseCase } from './seal-sample.usecase';
import { sampleLabels } from './sealing-documents';
import { SealingQueries } from './sealing.queries';
import { SealingView } from './sealing.view';

@ApiTags('sealing')
@Controller()
export class SealingController {
  constructor(
    private readonly queries: SealingQueries,
    private readonly sealSample: SealSampleUseCase,
    private readonly sampleCustody: SampleCustodyUseCase,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  @Post('unpacking-sessions/:id/sealing')
  @Policy({ roles: ['intake-officer'] })
  @ApiOperation({
    summary:
      'Seal the sample: codes, seals, signatures; renders and stores the work order and sampling notice',
  })
  @ApiCreatedResponse({ type: SealingView })
  @ApiUnprocessableEntityResponse({
    description:
      'signatures short of the required signers or by people not present at unpacking, or the same seal number twice; ' +
      '`errors` names the field',
  })
  @ApiConflictResponse({
    description:
      "the session is already sealed, the batch's sample is sealed already, a seal number is on another sample's strip, or the batch has no order-placed record",
  })
  async seal(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: SealSampleCommand,
  ): Promise<SealingView> {
    return SealingView.of(await this.sealSample.execute(actor, from, id, command));
  }

  @Get('samples/:sampleCode/labels')
  @Policy({ roles: ['intake-officer'] })
  @ApiOperation({ summary: 'Printable labels (Code 128 + QR) of the test and backup samples, as PDF' })
  @ApiProduces('application/pdf')
  async labels(@Param('sampleCode') sampleCode: string): Promise<StreamableFile> {
    const { sealing, session } = await this.queries.sealedSample(sampleCode);
    const pdf = await renderLabels(
      sampleLabels(session, sealing),
      locateCjkFont(this.config.DOCUMENTS_CJK_FONT_FILE),
    );
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${sampleCode}-labels.pdf"`,
    });
  }

  @Post('samples/:sampleCode/hand-overs')
  @Policy({ roles: ['intake-officer'] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Record a sealed sample handed to a lab or back from one (custody ledger)' })
  @ApiNoContentResponse({ description: 'recorded in the custody ledger' })
  @ApiUnprocessableEntityResponse({ description: 'sealNumber is not the seal the sample carries' })
  handOver(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('sampleCode') sampleCode: string,
    @Body() command: HandOverCommand,
  ): Promise<void> {
    return this.sampleCustody.handOver(actor, from, sampleCode, command);
  }

  @Post('samples/:sampleCode/reseals')
  @Policy({ roles: ['intake-officer'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-seal a sample for re-inspection with a new seal number (custody ledger)',
    description:
      'Stores the re-sealing record (复检封样记录) as a Chinese PDF naming each party with its signature line (evidence kind signed-work-order, file 复检封样记录.pdf).',
  })
  @ApiOkResponse({ type: ResealView })
  @ApiUnprocessableEntityResponse({
    description:
      'signatures short of the parties the re-seal needs: the applicant, the original lab, the re-inspection lab and an enforcement officer (`errors` names the field)',
  })
  @ApiConflictResponse({
    description:
      'the sample already carries this seal number, another sample carries it, or the sample was re-sealed meanwhile',
  })
  async reseal(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('sampleCode') sampleCode: string,
    @Body() command: ResealCommand,
  ): Promise<ResealView> {
    return ResealView.ofReseal(await this.sampleCustody.reseal(actor, from, sampleCode, command));
  }
}
