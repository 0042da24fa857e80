import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { EVIDENCE_UPLOADERS as UPLOADERS, STAFF_READERS as READERS } from '../access/evidence-policy';
import { Pseudonyms } from '../access/pseudonyms';
import { CustodyTrail } from '../custody/custody-trail.view';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { DeleteObjectUseCase } from './delete-object.usecase';
import { DownloadTicket } from './download-ticket.view';
import { DownloadCommand } from './download.command';
import type { EvidenceObject } from './evidence-object.entity';
import { EvidenceObjectView } from './evidence-object.view';
import { ExtendRetentionCommand } from './extend-retention.command';
import { ExtendRetentionUseCase } from './extend-retention.usecase';
import { FinalizeUploadCommand } from './finalize-upload.command';
import { FinalizeUploadUseCase } from './finalize-upload.usecase';
import { IssueDownloadUseCase } from './issue-download.usecase';
import { ReadCustodyTrailUseCase } from './read-custody-trail.usecase';
import { ReadObjectUseCase } from './read-object.usecase';
import { ReadPurposeQuery } from './read-purpose.query';
import { RenewUploadUseCase } from './renew-upload.usecase';
import { StartUploadCommand } from './start-upload.command';
import { StartUploadUseCase } from './start-upload.usecase';
import { UploadTicket } from './upload-ticket.view';

const ADMIN_VIEW = (o: EvidenceObject) => EvidenceObjectView.of(o, o.uploader);

@ApiTags('evidence objects')
@Controller('evidence')
export class ObjectsController {
  constructor(
    private readonly pseudonyms: Pseudonyms,
    private readonly readObject: ReadObjectUseCase,
    private readonly startUpload: StartUploadUseCase,
    private readonly finalizeUpload: FinalizeUploadUseCase,
    private readonly renewUpload: RenewUploadUseCase,
    private readonly issueDownload: IssueDownloadUseCase,
    private readonly deleteObject: DeleteObjectUseCase,
    private readonly extendRetention: ExtendRetentionUseCase,
    private readonly readCustodyTrail: ReadCustodyTrailUseCase,
  ) {}

  @Post('uploads')
  @Policy({ roles: [...UPLOADERS] })
  @ApiOperation({
    summary: 'Announce a file and get presigned PUT URL(s): one, or one per part above the part size',
    description:
      'Each kind is uploaded only by the roles that make it (services/evidence/README.md): 403 naming `kind` otherwise.',
  })
  @ApiCreatedResponse({ type: UploadTicket })
  @ApiForbiddenResponse({ description: "the caller's roles do not make this kind of evidence" })
  @ApiUnprocessableEntityResponse({
    description: 'a file larger than the service takes (EVIDENCE_MAX_OBJECT_MB); `errors` names `size`',
  })
  start(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Body() command: StartUploadCommand,
  ): Promise<UploadTicket> {
    return this.startUpload.execute(principal, actor, command);
  }

  @Post('uploads/:id/renewal')
  @Policy({ roles: [...UPLOADERS] })
  @HttpCode(200)
  @ApiOperation({
    summary: "Fresh presigned URL(s) for a pending upload of the caller's (same object, same parts)",
    description:
      'For an upload that outlived its URLs: parts already PUT stay in the store and are finalized with ' +
      'their ETags as before. Only the uploader may renew (404 for anyone else, as for an unknown id).',
  })
  @ApiOkResponse({ type: UploadTicket })
  @ApiNotFoundResponse({ description: "unknown, or not the caller's upload" })
  @ApiConflictResponse({ description: 'the object is no longer pending (stored or rejected)' })
  renew(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UploadTicket> {
    return this.renewUpload.execute(actor, id);
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
    const object = await this.finalizeUpload.execute(actor, from, id, command);
    return EvidenceObjectView.of(object, this.pseudonyms.of(object.uploader));
  }

  @Get('objects/:id')
  @Policy({ roles: [...new Set([...READERS, ...UPLOADERS])] })
  @ApiOperation({
    summary: "An evidence object's metadata (audited, in the custody ledger)",
    description:
      'Read by purpose, per kind (services/evidence/README.md): kinds that show the buyer only to ' +
      'purchasing-admin and admin with a stated `purpose`; other kinds to intake-officer, purchasing-admin, ' +
      "auditor, admin, and enforcement-officer of the batch's jurisdiction (the sampling bureau's area, or " +
      'one the batch was routed or copied to); an uploader (buyer, lab) sees its own uploads. Anything else is 404, ' +
      'as for an unknown id. `uploader` is a pseudonym for everyone but admins.',
  })
  @ApiOkResponse({ type: EvidenceObjectView })
  @ApiBadRequestResponse({ description: '`purpose` missing for a kind that shows the buyer' })
  @ApiNotFoundResponse({ description: 'unknown, or not readable by the caller' })
  getEvidenceObject(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() { purpose }: ReadPurposeQuery,
  ): Promise<EvidenceObjectView> {
    return this.readObject.execute(principal, actor, from, id, purpose);
  }

  @Post('objects/:id/download')
  @Policy({ roles: [...READERS] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'A short-lived presigned GET of the stored version (audited, in the custody ledger)',
    description:
      'The same read policy as the metadata; kinds that show the buyer need `purpose` in the body.',
  })
  @ApiBody({ type: DownloadCommand, required: false })
  @ApiOkResponse({ type: DownloadTicket })
  @ApiBadRequestResponse({ description: '`purpose` missing for a kind that shows the buyer' })
  @ApiNotFoundResponse({ description: 'unknown, or not readable by the caller' })
  download(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DownloadCommand,
  ): Promise<DownloadTicket> {
    return this.issueDownload.execute(principal, actor, from, id, command?.purpose);
  }

  @Post('objects/:id/view')
  @Policy({ roles: [...READERS] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'A short-lived presigned GET to show the object inline (audited, in the custody ledger)',
    description:
      "For the console's evidence viewer: like a download (the same read policy; `purpose` for kinds that " +
      'show the buyer), but the store answers inline with the stored content type, and range requests let a ' +
      'video stream and seek. Recorded as `view` in the custody ledger and `evidence.view` in the audit log.',
  })
  @ApiBody({ type: DownloadCommand, required: false })
  @ApiOkResponse({ type: DownloadTicket })
  @ApiBadRequestResponse({ description: '`purpose` missing for a kind that shows the buyer' })
  @ApiNotFoundResponse({ description: 'unknown, or not readable by the caller' })
  @ApiConflictResponse({ description: 'the object is not stored (pending, rejected or deleted)' })
  view(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DownloadCommand,
  ): Promise<DownloadTicket> {
    return this.issueDownload.execute(principal, actor, from, id, command?.purpose, 'view');
  }

  @Get('objects/:id/custody')
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary: "One object's custody trail: its ledger entries, oldest first (audited)",
    description:
      'The same read policy as the metadata (`purpose` for kinds that show the buyer); a buyer appears by ' +
      'pseudonym for everyone but admins.',
  })
  @ApiOkResponse({ type: CustodyTrail })
  @ApiBadRequestResponse({ description: '`purpose` missing for a kind that shows the buyer' })
  @ApiNotFoundResponse({ description: 'unknown, or not readable by the caller' })
  custodyTrail(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() { purpose }: ReadPurposeQuery,
  ): Promise<CustodyTrail> {
    return this.readCustodyTrail.execute(principal, actor, id, purpose);
  }

  @Put('objects/:id/retention')
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: 'Extend the retention of an object (never shortened)' })
  @ApiOkResponse({ type: EvidenceObjectView })
  @ApiConflictResponse({ description: 'the object is not stored (pending or deleted)' })
  @ApiUnprocessableEntityResponse({ description: 'retainUntil not later than the current retention' })
  async retention(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ExtendRetentionCommand,
  ): Promise<EvidenceObjectView> {
    return ADMIN_VIEW(await this.extendRetention.execute(actor, from, id, command));
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
    return ADMIN_VIEW(await this.deleteObject.execute(actor, from, id));
  }
}
