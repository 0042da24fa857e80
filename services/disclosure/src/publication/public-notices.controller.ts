import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '@qis/auth';
import { PageQuery } from '../dimensions/page.query';
import { PublicationAdminQueryService } from './publication-admin.query';
import { PublicNoticeAdminPage } from './public-notice.view';

/** The public notices (公告通知) the bureau published, with the batch and report each replaces a notice for. */
@ApiTags('publications')
@Controller('public-notices')
export class PublicNoticesController {
  constructor(private readonly publications: PublicationAdminQueryService) {}

  @Get()
  @Policy({ roles: ['disclosure-officer', 'admin', 'auditor'] })
  @ApiOperation({ summary: 'Public notices, newest first, with their batch and report numbers' })
  @ApiOkResponse({ type: PublicNoticeAdminPage })
  listPublicNotices(@Query() query: PageQuery): Promise<PublicNoticeAdminPage> {
    return this.publications.notices(query);
  }
}
