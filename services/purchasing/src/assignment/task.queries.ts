import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@qis/auth';
import { DataSource, Repository, type FindOptionsWhere } from 'typeorm';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { TaskFinder } from './task-finder';
import { TaskListQuery } from './task-list.query';
import { TaskView } from './task-view';

/** Purchase tasks as buyers (their own) and admins and approvers (every task) read them. */
@Injectable()
export class TaskQueries {
  constructor(
    @InjectRepository(PurchaseTask) private readonly repo: Repository<PurchaseTask>,
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
  ) {}

  /** The latest 500 tasks by status: a buyer's own (none for a caller with no active buyer), else all. */
  async list(principal: Principal, query: TaskListQuery): Promise<TaskView[]> {
    const where: FindOptionsWhere<PurchaseTask> = query.status ? { status: query.status } : {};
    if (!principal.roles.includes('purchasing-admin') && !principal.roles.includes('approver')) {
      const buyer = await this.tasks.buyerOf(this.dataSource.manager, principal);
      if (!buyer) return [];
      where.buyerId = buyer.id;
    }
    const found = await this.repo.find({ where, order: { createdAt: 'DESC' }, take: 500 });
    return found.map((t) => TaskView.of(t));
  }

  /** One task (a buyer: only one assigned to them; else the 404 of an unknown batch). */
  async one(principal: Principal, batchNumber: string): Promise<TaskView> {
    return TaskView.of(await this.tasks.find(this.dataSource.manager, principal, batchNumber));
  }
}
