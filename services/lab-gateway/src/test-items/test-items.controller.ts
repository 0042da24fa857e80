import { Body, Controller, Get, Injectable, Param, Put, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { CATEGORY_CODE } from '@qis/contracts';
import { DataSource } from 'typeorm';
import { BadRequestError, ErrorCode } from '@qis/domain';
import { ReplaceTestItemsCommand } from './replace-test-items.command';
import { ReplaceTestItemsUseCase } from './replace-test-items.usecase';
import { TestItemDto } from './test-item.dto';
import { TestItemQueries } from './test-item.queries';

/** A category code in the path (`silk-quilt`), else 400 naming it. */
@Injectable()
class CategoryCodePipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: CATEGORY_CODE.source, example: 'silk-quilt' };

  transform(category: string): string {
    if (CATEGORY_CODE.test(category)) return category;
    throw new BadRequestError(ErrorCode.validationFailed, 'validation failed', {
      errors: [{ field: 'category', reasons: ['must be a category code such as silk-quilt'] }],
    });
  }
}

/** Test items per category (configurable data): what a report may and must contain. */
@ApiTags('test items')
@Controller('test-items')
export class TestItemsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: TestItemQueries,
    private readonly replace: ReplaceTestItemsUseCase,
  ) {}

  @Get(':category')
  @Policy({ roles: ['admin', 'auditor', 'lab'] })
  @ApiOperation({ summary: "A category's test items (labs read them to build reports)" })
  @ApiOkResponse({ type: [TestItemDto] })
  async listTestItems(@Param('category', CategoryCodePipe) category: string): Promise<TestItemDto[]> {
    return this.queries.items(category);
  }

  @Put(':category')
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: "Replace a category's test items (PUT is idempotent by itself)" })
  @ApiOkResponse({ type: [TestItemDto] })
  @ApiUnprocessableEntityResponse({ description: 'an item listed twice; `errors` names each repetition' })
  async replaceTestItems(
    @CurrentActor() actor: AuditActor,
    @Param('category', CategoryCodePipe) category: string,
    @Body() cmd: ReplaceTestItemsCommand,
  ): Promise<TestItemDto[]> {
    return this.dataSource.transaction((m) => this.replace.execute(m, category, cmd, actor));
  }
}
