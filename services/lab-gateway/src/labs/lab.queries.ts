import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lab } from './lab.entity';
import { LabView } from './lab.view';

/** The lab registry as the bureau and auditors read it. */
@Injectable()
export class LabQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every lab, by name. */
  async labs(): Promise<LabView[]> {
    const labs = await this.dataSource.manager.find(Lab, { order: { name: 'ASC', id: 'ASC' } });
    return labs.map((lab) => LabView.of(lab));
  }

  /** One lab, or null. */
  async lab(id: string): Promise<LabView | null> {
    const lab = await this.dataSource.manager.findOneBy(Lab, { id });
    return lab ? LabView.of(lab) : null;
  }
}
