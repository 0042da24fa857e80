import { Module } from '@nestjs/common';
import { ReplaceTestItemsUseCase } from './replace-test-items.usecase';
import { TestItemsController } from './test-items.controller';

@Module({ controllers: [TestItemsController], providers: [ReplaceTestItemsUseCase] })
export class TestItemsModule {}
