import { Module } from '@nestjs/common';
import { ReplaceTestItemsUseCase } from './replace-test-items.usecase';
import { TestItemQueries } from './test-item.queries';
import { TestItemsController } from './test-items.controller';

@Module({ controllers: [TestItemsController], providers: [ReplaceTestItemsUseCase, TestItemQueries] })
export class TestItemsModule {}
