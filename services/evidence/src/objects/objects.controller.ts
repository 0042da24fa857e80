import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { DeleteObjectUseCase } from './delete-object.usecase';
import { DownloadTicket } from './download-ticket.view';
import { EVIDENCE_READERS as READERS } from './evidence-readers';
import { EvidenceObjectView } from './evidence-object.view';
import { ExtendRetentionCommand } from './extend-retention.command';
import { ExtendRetentionUseCase } from './extend-retention.usecase';
import { FinalizeUploadCommand } from './finalize-upload.command';
import { FinalizeUploadUseCase } from './finalize-upload.usecase';
import { IssueDownloadUseCase } from './issue-download.usecase';
import { loadObject } from './load-object';
import { StartUploadCommand } from './start-upload.command';
import { StartUploadUseCase } from './start-upload.usecase';
import { UploadTicket } from './upload-ticket.view';

/** Roles that produce evidence files (purchasing, intake, labs, enforcement store through here). */
const UPLOADERS = ['buyer', 'purchasing-admin', 'intake-officer', 'lab', 'enforcement-officer'] as const;

@ApiTags('evidence objects')
@Controller('evidence')
export class ObjectsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly startUpload: StartUploadUseCase,
    private readonly finalizeUpload: FinalizeUploadUseCase,
    private readonly issueDownload: IssueDownloadUseCase,
    private readonly deleteObject: DeleteObjectUseCase,
    private readonly extendRetention: ExtendRetentionUseCase,
  ) {}

  @Post('uploads')
  @Policy({ roles: [...UPLOADERS] })
  @ApiOperation({
    summary: 'Announce a file and get presigned PUT URL(s): one, or one per part above the part size',
  })
  @ApiCreatedResponse({ type: UploadTicket })
  start(@CurrentActor() actor: AuditActor, @Body() command: StartUploadCommand): Promise<UploadTicket> {
    return this.startUpload.execute(actor, command);
  }

  @Post('uploads/:id/finalize')
  @Policy({ roles: [...UPLOADERS] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete the upload: the service hashes the stored bytes and refuses a size or SHA-256 mismatch',
  })
  @ApiOkResponse({ type: EvidenceObjectView })
  @ApiUnprocessableEntityResponse({
    description: 'size or sha256 differ from the declared ones (the object is marked rejected)',
  })
  @ApiConflictResponse({ description: 'already finalized: evidence is never overwritten' })
  async finalize(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: FinalizeUploadCommand,
  ): Promise<EvidenceObjectView> {
    return EvidenceObjectView.of(await this.finalizeUpload.execute(actor, from, id, command));
  }

  @Get('objects/:id')
  @Policy({ roles: [...new Set([...READERS, ...UPLOADERS])] })
  @ApiOperation({
    summary: "An evidence object's metadata",
    description:
      'Readers see every object; a caller who only uploads (buyer, lab) sees the objects it uploaded, ' +
      "so a lab can check its own report PDF and learns nothing of anyone else's files (404 alike).",
  })
  @ApiOkResponse({ type: EvidenceObjectView })
  async getEvidenceObject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EvidenceObjectView> {
    const object = await loadObject(this.dataSource.manager, id);
    const reader = principal.roles.some((role) => (READERS as readonly string[]).includes(role));
    if (!reader && object.uploader !== principal.sub) throw notFound('evidence object', id);
    return EvidenceObjectView.of(object);
  }

  @Post('objects/:id/download')
  @Policy({ roles: [...READERS] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'A short-lived presigned GET of the stored version (audited, in the custody ledger)',
  })
  @ApiOkResponse({ type: DownloadTicket })
  download(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DownloadTicket> {
    return this.issueDownload.execute(actor, from, id);
  }

  @Put('objects/:id/retention')
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: 'Extend the retention of an object (never shortened)' })
  @ApiOkResponse({ type: EvidenceObjectView })
  async retention(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ExtendRetentionCommand,
  ): Promise<EvidenceObjectView> {
    return EvidenceObjectView.of(await this.extendRetention.execute(actor, from, id, command));
  }

  @Delete('objects/:id')
  @Policy({ roles: ['admin'] })
  @ApiOperation({
    summary: 'Delete evidence: refused while retained (409); after retention the version is removed',
    description:
      'The store decides: while the version is retained it refuses (409). Once retention has ended it ' +
      'removes the version and the object stays on record as deleted. Either way audited and in the custody ledger.',
  })
  @ApiOkResponse({ type: EvidenceObjectView, description: 'the version was removed; the object is deleted' })
  @ApiConflictResponse({
    description: 'retained evidence cannot be deleted, or the object is already deleted',
  })
  async remove(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EvidenceObjectView> {
    return EvidenceObjectView.of(await this.deleteObject.execute(actor, from, id));
  }
}
