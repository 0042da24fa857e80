import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qis/auth';
import { DisclosureConfig } from '../disclosure.config';
import { PageQuery, ResultPageQuery } from '../dimensions/page.query';
import { FacetsView } from './facets.view';
import { PublicNoticePage } from './public-notice.view';
import { PublicResultDetailView, PublicResultPage } from './public-result.view';
import { PublicResultsQuery } from './public-results.query';

/** The published results, anonymous (the public page reads these). */
@ApiTags('public')
@Controller('public')
export class PublicResultsController {
  constructor(
    private readonly results: PublicResultsQuery,
    private readonly config: DisclosureConfig,
  ) {}

  @Get('results')
  @Public()
  @ApiOperation({
    summary: 'Published results (current versions, withdrawn ones left out), filtered and paged',
  })
  @ApiOkResponse({ type: PublicResultPage })
  listPublicResults(@Query() query: ResultPageQuery): Promise<PublicResultPage> {
    return this.results.page(query);
  }

  @Get('results/:id')
  @Public()
  @ApiOperation({
    summary: 'One result by the id of any of its versions, with every version (corrections, withdrawal)',
  })
  @ApiOkResponse({ type: PublicResultDetailView })
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicResultDetailView> {
    return this.results.detail(id);
  }

  @Get('revisions')
  @Public()
  @ApiOperation({ summary: 'Corrections (更正) and withdrawals (撤回), newest first, each with its reason' })
  @ApiOkResponse({ type: PublicResultPage })
  revisions(@Query() query: PageQuery): Promise<PublicResultPage> {
    return this.results.revisions(query);
  }

  @Get('notices')
  @Public()
  @ApiOperation({ summary: 'Public notices (公告通知) replacing result notices that could not be delivered' })
  @ApiOkResponse({ type: PublicNoticePage })
  notices(@Query() query: PageQuery): Promise<PublicNoticePage> {
    return this.results.notices(query);
  }

  @Get('facets')
  @Public()
  @ApiOperation({ summary: 'The categories, platforms, regions and periods the filters offer' })
  @ApiOkResponse({ type: FacetsView })
  facets(): Promise<FacetsView> {
    return this.results.facets(this.config.DISCLOSURE_BUREAU_NAME);
  }
}
