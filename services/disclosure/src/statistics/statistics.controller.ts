import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qis/auth';
import { StatisticsQuery } from './statistics.query-dto';
import { StatisticsService } from './statistics.service';
import { StatisticsView } from './statistics.view';

@ApiTags('public')
@Controller('public/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Pass rate, non-conformity detection rate, three-no rate and quality index with 95% intervals, by category, platform, region or period',
  })
  @ApiOkResponse({ type: StatisticsView })
  breakdown(@Query() query: StatisticsQuery): Promise<StatisticsView> {
    return this.statistics.breakdown(query);
  }
}
