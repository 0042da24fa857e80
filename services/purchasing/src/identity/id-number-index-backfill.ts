import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlindIndex } from './blind-index';
import { IdentityCipher } from './identity-cipher';

const PAGE = 200;

/**
 * Fills the blind index of buyers registered before it existed (the migration cannot: only the
 * service holds the keys). Two existing buyers with the same ID number cannot both get it: the
 * second is left null and logged by id and pseudonym (never the number) for an admin to resolve.
 */
@Injectable()
export class IdNumberIndexBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdNumberIndexBackfill.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly index: BlindIndex,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  /** Returns how many buyers got their index. */
  async run(): Promise<number> {
    let filled = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.transaction(async (manager) => {
        const page: Array<{ id: string; pseudonym: string; value: string }> = await manager.query(
          `select id, pseudonym, id_number_enc as value from buyer
           where id_number_index is null and id > $1 order by id limit $2 for update skip locked`,
          [after, PAGE],
        );
        for (const row of page) {
          const digest = this.index.idNumber(this.cipher.decrypt(row.value, 'buyer.id_number', row.id));
          const updated: [unknown[], number] = await manager.query(
            `update buyer set id_number_index = $2 where id = $1
             and not exists (select 1 from buyer where id_number_index = $2)`,
            [row.id, digest],
          );
          if (updated[1] === 1) filled++;
          else
            this.logger.warn(
              { buyerId: row.id, pseudonym: row.pseudonym },
              'buyer shares its ID number with another registered buyer: blind index left empty',
            );
        }
        return page;
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      if (rows.length < PAGE) break;
    }
    if (filled > 0) this.logger.log({ filled }, 'blind index of ID numbers filled');
    return filled;
  }
}
