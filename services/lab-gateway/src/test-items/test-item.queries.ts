import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TestItemDto } from './test-item.dto';
import { TestItem } from './test-item.entity';

/** The test items of a category, as labs and the bureau read them. */
@Injectable()
export class TestItemQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A category's test items, by name. */
  async items(category: string): Promise<TestItemDto[]> {
    const rows = await this.dataSource.manager.find(TestItem, {
      where: { category },
      order: { item: 'ASC' },
    });
    return rows.map((t) => ({ item: t.item, mandatory: t.mandatory }));
  }
}
