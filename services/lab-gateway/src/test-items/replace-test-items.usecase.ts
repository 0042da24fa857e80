import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { ErrorCode, UnprocessableError } from '@qis/domain';
import type { ReplaceTestItemsCommand } from './replace-test-items.command';
import type { TestItemDto } from './test-item.dto';
import { TestItem } from './test-item.entity';

/** Sets a category's test items, against which reports are checked. */
@Injectable()
export class ReplaceTestItemsUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(
    manager: EntityManager,
    category: string,
    cmd: ReplaceTestItemsCommand,
    actor: AuditActor,
  ): Promise<TestItemDto[]> {
    const seen = new Set<string>();
    const repeated = cmd.items.flatMap((t, i) => {
      const twice = seen.has(t.item);
      seen.add(t.item);
      return twice ? [{ field: `items[${i}].item`, reasons: [`'${t.item}' is listed twice`] }] : [];
    });
    if (repeated.length > 0)
      throw new UnprocessableError(ErrorCode.unprocessable, 'catalogue rejected', { errors: repeated });
    await manager.delete(TestItem, { category });
    if (cmd.items.length > 0)
      await manager.insert(
        TestItem,
        cmd.items.map((t) => ({ category, item: t.item, mandatory: t.mandatory })),
      );
    await this.audit.record(
      actor,
      {
        action: 'test-items.replace',
        entityType: 'test-items',
        entityId: category,
        detail: { items: cmd.items.map((t) => ({ item: t.item, mandatory: t.mandatory })) },
      },
      manager,
    );
    return cmd.items.map((t) => ({ item: t.item, mandatory: t.mandatory }));
  }
}
