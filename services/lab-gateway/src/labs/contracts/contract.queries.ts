import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lab } from '../lab.entity';
import { ContractHistoryView } from './contract-history.view';
import { ContractView } from './contract.view';
import { currentContracts } from './contract-versions';
import { LabContract } from './lab-contract.entity';

/** Labs' entrustment contracts as the bureau, auditors and each lab read them. */
@Injectable()
export class ContractQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every lab's contracts as they stand (the latest version of each). */
  async current(): Promise<ContractView[]> {
    const labs = await this.dataSource.manager.find(Lab, { select: { id: true } });
    const contracts = await currentContracts(
      this.dataSource.manager,
      labs.map((l) => l.id),
    );
    return contracts.map((c) => ContractView.of(c));
  }

  /** A lab's contracts with their earlier versions; null for no such lab. */
  async history(labId: string): Promise<ContractHistoryView[] | null> {
    if (!(await this.dataSource.manager.existsBy(Lab, { id: labId }))) return null;
    return this.ofLab(labId);
  }

  /** A lab's own contracts, newest term first, each with its earlier versions. */
  async ofLab(labId: string): Promise<ContractHistoryView[]> {
    return ContractHistoryView.group(await this.dataSource.manager.findBy(LabContract, { labId }));
  }

  /** One contract of the lab with its earlier versions; null when none, or another lab's. */
  async oneOfLab(labId: string, id: string): Promise<ContractHistoryView | null> {
    const [contract] = ContractHistoryView.group(
      await this.dataSource.manager.findBy(LabContract, { id, labId }),
    );
    return contract ?? null;
  }
}
