import { ApiProperty } from '@nestjs/swagger';
import { ContractView } from './contract.view';
import type { LabContract } from './lab-contract.entity';

/** A contract as it stands (its latest version) with the versions before it, newest first. */
export class ContractHistoryView extends ContractView {
  @ApiProperty({ type: [ContractView], description: 'earlier versions, newest first' })
  history!: ContractView[];

  /** Groups versions (any order) by contract, the latest first in term order. */
  static group(versions: readonly LabContract[]): ContractHistoryView[] {
    const byId = new Map<string, LabContract[]>();
    for (const v of versions) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
    return [...byId.values()]
      .map((all) => all.sort((a, b) => b.version - a.version))
      .map(([latest, ...older]) => ({
        ...ContractView.of(latest as LabContract),
        history: older.map((v) => ContractView.of(v)),
      }))
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom) || a.id.localeCompare(b.id));
  }
}
