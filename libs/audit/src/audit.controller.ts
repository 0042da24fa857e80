import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '@qis/auth';
import { AuditPage } from './audit-page.view';
import { AuditQuery } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Policy({ roles: ['auditor'] })
  @ApiOperation({
    summary: "This service's audit log, by entity, batch, action, actor and time range (auditors only)",
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiBadRequestResponse({ description: 'a filter is malformed; the body names the field' })
  searchAudit(@Query() query: AuditQuery): Promise<AuditPage> {
    return this.audit.search(query);
  }
}
