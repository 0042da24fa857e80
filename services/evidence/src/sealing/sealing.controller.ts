import { Body, Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { locateCjkFont, renderLabels } from '@qis/documents';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { UnpackingSession } from '../unpacking/unpacking-session.entity';
import { SealSampleCommand } from './seal-sample.command';
import { SealSampleUseCase } from './seal-sample.usecase';
import { sampleLabels } from './sealing-documents';
import { Sealing } from './sealing.entity';
import { SealingView } from './sealing.view';

@ApiTags('sealing')
@Controller()
export class SealingController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealSample: SealSampleUseCase,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  @Post('unpacking-sessions/:id/sealing')
  @Policy({ roles: ['intake-officer'] })
  @ApiOperation({
    summary:
      'Seal the sample: codes, seals, signatures; renders and stores the work order and sampling notice',
  })
  @ApiCreatedResponse({ type: SealingView })
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
    const sealing = await this.dataSource.manager.findOneBy(Sealing, { sampleCode });
    if (!sealing) throw notFound('sample', sampleCode);
    const session = await this.dataSource.manager.findOneByOrFail(UnpackingSession, {
      id: sealing.sessionId,
    });
    const pdf = await renderLabels(
      sampleLabels(session, sealing),
      locateCjkFont(this.config.DOCUMENTS_CJK_FONT_FILE),
    );
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${sampleCode}-labels.pdf"`,
    });
  }
}
