import { Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { BlacklistEntryView } from './blacklist-entry.view';
import { BlacklistListQuery } from './blacklist-list.query';
import { SellerBlacklistEntry } from './seller-blacklist-entry.entity';

/** The seller blacklistings, as purchasing admins read them. */
@Injectable()
export class BlacklistQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest 1000 blacklistings, by target kind and id. */
  async list(query: BlacklistListQuery): Promise<BlacklistEntryView[]> {
    const where: FindOptionsWhere<SellerBlacklistEntry> = {
      ...(query.targetKind ? { targetKind: query.targetKind } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
    };
    const found = await this.dataSource.manager.find(SellerBlacklistEntry, {
      where,
      order: { recordedAt: 'DESC' },
      take: 1000,
    });
    return found.map((e) => BlacklistEntryView.of(e));
  }
}
