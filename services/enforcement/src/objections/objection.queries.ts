import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { notFound, type Principal } from '@qis/auth';
import { In, Repository, type FindOptionsWhere } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import { ListObjectionsQuery } from './list-objections.query';
import { ObjectionPageView } from './objection-page.view';
import { Objection, OPEN_OBJECTION_STATUSES } from './objection.entity';
import { ObjectionView } from './objection.view';

/** Objections, read only by callers whose scope covers their batch (BatchScope); others get 404. */
@Injectable()
export class ObjectionQueries {
  constructor(
    @InjectRepository(Objection) private readonly objections: Repository<Objection>,
    private readonly batchScope: BatchScope,
  ) {}

  /** The objection, if the caller may see its batch; else the 404 of an unknown id. */
  async visible(principal: Principal, id: string): Promise<Objection> {
    const found = await this.objections.findOneBy({ id });
    if (!found) throw notFound('objection', id);
    await this.batchScope.assertVisible(principal, found.batchNumber, 'objection', id);
    return found;
  }

  /** A batch's objections, oldest first; the 404 of an unknown batch outside the caller's scope. */
  async ofBatch(principal: Principal, batchNumber: string): Promise<ObjectionView[]> {
    await this.batchScope.assertVisible(principal, batchNumber, 'batch', batchNumber);
    return (await this.objections.find({ where: { batchNumber }, order: { createdAt: 'ASC' } })).map((o) =>
      ObjectionView.of(o),
    );
  }

  /** A page of the objections of the batches in the caller's scope, newest filing first. */
  async page(principal: Principal, query: ListObjectionsQuery): Promise<ObjectionPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: FindOptionsWhere<Objection> = {
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
      ...(query.status === 'open'
        ? { status: In([...OPEN_OBJECTION_STATUSES]) }
        : query.status
          ? { status: query.status }
          : {}),
    };
    const batches = (await this.objections.find({ where, select: { batchNumber: true } })).map(
      (o) => o.batchNumber,
    );
    const visible = [...(await this.batchScope.visible(principal, batches))];
    if (visible.length === 0) return { items: [], total: 0, page, pageSize };
    const [found, total] = await this.objections.findAndCount({
      where: { ...where, batchNumber: query.batchNumber ?? In(visible) },
      order: { filedAt: 'DESC', createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: found.map((o) => ObjectionView.of(o)), total, page, pageSize };
  }
}
