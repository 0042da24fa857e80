import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { PurchasingConfig } from '../purchasing.config';
import { ENCRYPTED_COLUMNS } from './encrypted-columns';
import { IdentityCipher } from './identity-cipher';
import type { KeyRotationView } from './key-rotation-view';

/**
 * Re-encrypts every identity value not yet under the active key or not yet bound to its row (`v1`
 * envelopes, written before row binding), a batch of rows per transaction
 * (`for update skip locked`, so it runs beside live traffic and can be re-run after a crash).
 * Old keys keep decrypting until this has finished; only then may they leave the ring.
 */
@Injectable()
export class RotateIdentityKeysUseCase {
  private readonly logger = new Logger(RotateIdentityKeysUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly config: PurchasingConfig,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor): Promise<KeyRotationView> {
    const prefix = this.cipher.currentPrefix;
    let reencrypted = 0;
    for (const { table, column, field } of ENCRYPTED_COLUMNS) {
      for (;;) {
        const done = await this.dataSource.transaction(async (manager) => {
          const rows: Array<{ id: string; value: string }> = await manager.query(
            `select id, ${column} as value from ${table} where left(${column}, $1) <> $2
             order by id limit $3 for update skip locked`,
            [prefix.length, prefix, this.config.PURCHASING_REKEY_BATCH_SIZE],
          );
          for (const row of rows)
            await manager.query(`update ${table} set ${column} = $2 where id = $1`, [
              row.id,
              this.cipher.reencrypt(row.value, field, row.id),
            ]);
          reencrypted += rows.length;
          return rows.length < this.config.PURCHASING_REKEY_BATCH_SIZE;
        });
        if (done) break;
      }
    }
    const keysInUse = await this.keysInUse();
    const unboundValues = await this.unboundValues();
    await this.audit.record(actor, {
      action: 'identity.rekey',
      entityType: 'identity-key',
      entityId: this.cipher.activeKeyId,
      detail: { reencrypted, keysInUse, unboundValues },
    });
    this.logger.log({ activeKeyId: this.cipher.activeKeyId, reencrypted }, 'identity key rotation finished');
    return { activeKeyId: this.cipher.activeKeyId, reencrypted, keysInUse, unboundValues };
  }

  /** Values still in the `v1` envelope (field-bound only): a copy to another row would decrypt. */
  async unboundValues(): Promise<number> {
    let total = 0;
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const [row] = (await this.dataSource.query(
        `select count(*)::int as n from ${table} where left(${column}, 3) = 'v1.'`,
      )) as Array<{ n: number }>;
      total += row.n;
    }
    return total;
  }

  /** How many values each key id seals, per column: a key may leave the ring when it is nowhere. */
  async keysInUse(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const rows: Array<{ kid: string; n: number }> = await this.dataSource.query(
        `select split_part(${column}, '.', 2) as kid, count(*)::int as n from ${table} group by 1`,
      );
      out[`${table}.${column}`] = Object.fromEntries(rows.map((r) => [r.kid, r.n]));
    }
    return out;
  }
}
