import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import type { Response } from 'express';
import { ErrorCode, UnprocessableError } from '@qis/domain';
import { EVIDENCE_UPLOADERS as UPLOADERS, STAFF_READERS as READERS } from '../access/evidence-policy';
import { Pseudonyms } from '../access/pseudonyms';
import { CustodyTrail } from '../custody/custody-trail.view';
import { CurrentExtraction, type ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { DeclarePartsCommand } from './declare-parts.command';
import { DeclarePartsUseCase } from './declare-parts.usecase';
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
import { ReadUploadStatusUseCase } from './read-upload-status.usecase';
import { RenewUploadUseCase } from './renew-upload.usecase';
import { StartUploadCommand } from './start-upload.command';
import { StartUploadUseCase } from './start-upload.usecase';
import { UploadStatusView } from './upload-status.view';
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
    private readonly declarePartsUseCase: DeclarePartsUseCase,
    private readonly issueDownload: IssueDownloadUseCase,
    private readonly deleteObject: DeleteObjectUseCase,
    private readonly extendRetention: ExtendRetentionUseCase,
    private readonly readCustodyTrail: ReadCustodyTrailUseCase,
    private readonly readUploadStatus: ReadUploadStatusUseCase,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  @Post('uploads')
  @Policy({ roles: [...UPLOADERS] })
  @ApiOperation({
    summary: 'Announce a file and get presigned PUT URL(s): one, or one per part above the part size',
    description:
      'Each kind is uploaded only by the roles that make it (services/evidence/README.md): 403 naming `kind` otherwise. ' +
      'The URLs point into an unlocked staging bucket and are signed for the exact size of each part and its ' +
      'SHA-256 (the single one for the declared file SHA-256, a part for the one declared in `parts` or with ' +
      '`POST …/parts`; send `headers` as given): the store refuses other bytes. A multipart upload that declares ' +
      'no parts (no `parts` field, the 2.0.0 flow, deprecated) gets every part signed for its size only. Per-uploader ' +
      'quotas (EVIDENCE_QUOTA_IN_FLIGHT_MB, EVIDENCE_QUOTA_DAILY_MB): 429 naming the limit when over.',
  })
  @ApiCreatedResponse({ type: UploadTicket })
  @ApiForbiddenResponse({ description: "the caller's roles do not make this kind of evidence" })
  @ApiUnprocessableEntityResponse({
    description:
      'a file larger than the service takes (EVIDENCE_MAX_OBJECT_MB), `errors` naming `size`; or a part ' +
      'declaration that does not fit the file (`parts[i].partNumber`, `parts[i].size`, `parts`)',
  })
  @ApiTooManyRequestsResponse({
    description:
      "over the uploader's quota: `errors` names `size`, `quota.name` the limit (EVIDENCE_QUOTA_*)",
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
  @ApiConflictResponse({
    description: 'the object is no longer pending (stored or rejected), or being finalized',
  })
  renew(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UploadTicket> {
    return this.renewUpload.execute(actor, id);
  }

  @Post('uploads/:id/parts')
  @Policy({ roles: [...UPLOADERS] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Declare parts of a multipart upload (size, base64 SHA-256) and get their URLs, signed for both',
    description:
      'Any of the parts, up to 500 a request, as the uploader reads them: a resumable client declares the ' +
      'next ones later, and a part again (same size and SHA-256) for a fresh URL. The store refuses a PUT of ' +
      'another length (403) or other bytes (400 XAmzContentChecksumMismatch), and the finalize job checks ' +
      "each part's SHA-256 again. From the first declaration on, the upload's URLs are for declared parts " +
      'only, and finalize needs every part declared. Only the uploader may declare (404 for anyone else).',
  })
  @ApiOkResponse({ type: UploadTicket, description: 'the URLs of the parts in the request' })
  @ApiNotFoundResponse({ description: "unknown, or not the caller's upload" })
  @ApiConflictResponse({
    description: 'the object is no longer pending (stored or rejected), or being finalized',
  })
  @ApiUnprocessableEntityResponse({
    description:
      "`parts[i].partNumber` beyond the file's parts or twice, `parts[i].size` not the part's size, " +
      '`parts[i].sha256` other than declared before, `parts` for a file of one PUT',
  })
  declareParts(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DeclarePartsCommand,
  ): Promise<UploadTicket> {
    return this.declarePartsUseCase.execute(actor, id, command);
  }

  @Post('uploads/:id/finalize')
  @Policy({ roles: [...UPLOADERS] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Finalize the upload: a background job hashes the staged bytes, refuses a size or SHA-256 mismatch, ' +
      'copies them into the locked bucket and checks their retention',
    description:
      'The staging bucket must hold every part at its signed size, and a declared upload must have every ' +
      'part declared (422 `parts` otherwise); the upload is ' +
      'then closed (its URLs stop working) and the job queued. With `Prefer: respond-async` the answer is ' +
      '202 with the upload status at once (poll `GET /evidence/uploads/{id}/status`, also in `Location`); ' +
      'without it the service waits up to EVIDENCE_FINALIZE_WAIT_SECONDS for the job: 200 with the stored ' +
      'object, 422 naming `size`, `sha256`, `parts` (a part that does not hash to its declaration) or ' +
      '`retention` (not the lock mode for the retention years, or its retention could not be read) when ' +
      'refused, or 202 when the job is still running.',
  })
  @ApiHeader({ name: 'Prefer', required: false, description: '`respond-async`: answer 202 at once' })
  @ApiOkResponse({ type: EvidenceObjectView, description: 'the job ended within the wait: stored' })
  @ApiAcceptedResponse({ type: UploadStatusView, description: 'queued or running: poll the status' })
  @ApiUnprocessableEntityResponse({
    description:
      'parts missing or of another size; or (within the wait) size, sha256 or retention refused (the object is marked rejected)',
  })
  @ApiConflictResponse({ description: 'already finalized: evidence is never overwritten' })
  async finalize(
    @CurrentActor() actor: AuditActor,
    @CurrentExtraction() from: ExtractionFacts,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: FinalizeUploadCommand,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EvidenceObjectView | UploadStatusView> {
    await this.finalizeUpload.execute(actor, from, id, command);
    const wait = /\brespond-async\b/i.test(prefer ?? '')
      ? 0
      : this.config.EVIDENCE_FINALIZE_WAIT_SECONDS * 1000;
    const until = Date.now() + wait;
    let status = await this.readUploadStatus.execute(actor, id);
    while (status.state === 'verifying' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await this.readUploadStatus.execute(actor, id);
    }
    if (status.state === 'stored' && status.object) return status.object;
    if (status.state === 'rejected') {
      throw new UnprocessableError(ErrorCode.uploadRejected, `upload rejected: ${status.rejection ?? ''}`, {
        errors: status.errors ?? [],
      });
    }
    res.status(202).setHeader('Location', `${id}/status`);
    return status;
  }

  @Get('uploads/:id/status')
  @Policy({ roles: [...UPLOADERS] })
  @ApiOperation({
    summary: "Where the caller's upload stands: uploading, verifying, stored or rejected (with the reasons)",
    description: 'Only the uploader sees it (404 for anyone else, as for an unknown id).',
  })
  @ApiOkResponse({ type: UploadStatusView })
  @ApiNotFoundResponse({ description: "unknown, or not the caller's upload" })
  uploadStatus(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UploadStatusView> {
    return this.readUploadStatus.execute(actor, id);
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
