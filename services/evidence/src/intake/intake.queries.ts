import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ExpectedParcel } from './expected-parcel.entity';
import { ExpectedParcelPage, ExpectedParcelView } from './expected-parcel.view';
import { ListExpectedParcelsQuery, ListParcelsQuery } from './list-parcels.query';
import { Parcel } from './parcel.entity';
import { ParcelPage } from './parcel-page.view';
import { ParcelView } from './parcel.view';

/** What intake shows: parcels received, parcels still expected, one parcel. */
@Injectable()
export class IntakeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Parcels received, newest first, filtered by status and whether unpacked, a page of them. */
  async parcels(query: ListParcelsQuery): Promise<ParcelPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`p.status = $${params.length}`);
    }
    if (query.unpacked) {
      where.push(
        `${query.unpacked === 'true' ? '' : 'not '}exists (select 1 from unpacking_session u where u.parcel_id = p.id)`,
      );
    }
    const filter = where.length > 0 ? `where ${where.join(' and ')}` : '';
    const m = this.dataSource.manager;
    const [{ total }] = (await m.query(
      `select count(*)::int as total from parcel p ${filter}`,
      params,
    )) as Array<{
      total: number;
    }>;
    const rows = (await m.query(
      `select p.id, (select u.id::text from unpacking_session u where u.parcel_id = p.id order by u.opened_at desc limit 1) as session_id
         from parcel p ${filter}
        order by p.received_at desc, p.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<{ id: string; session_id: string | null }>;
    const parcels = rows.length === 0 ? [] : await m.findBy(Parcel, { id: In(rows.map((r) => r.id)) });
    const items = rows.map((r) =>
      ParcelView.of(
        parcels.find((p) => p.id === r.id)!,
        r.session_id,
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /** Parcels shipped and not admitted yet, the earliest shipped first, a page of them. */
  async expectedParcels(query: ListExpectedParcelsQuery): Promise<ExpectedParcelPage> {
    const m = this.dataSource.manager;
    const outstanding = `from expected_parcel e
       where not exists (select 1 from parcel p where p.batch_number = e.batch_number and p.status = 'admitted')`;
    const [{ total }] = (await m.query(`select count(*)::int as total ${outstanding}`)) as Array<{
      total: number;
    }>;
    const rows = (await m.query(
      `select e.batch_number,
              (select count(*)::int from parcel q where q.batch_number = e.batch_number and q.status = 'quarantined') as quarantined
         ${outstanding}
        order by e.shipped_at, e.batch_number
        limit $1 offset $2`,
      [query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<{ batch_number: string; quarantined: number }>;
    const orders =
      rows.length === 0
        ? []
        : await m.findBy(ExpectedParcel, { batchNumber: In(rows.map((r) => r.batch_number)) });
    const items = rows.map((r) =>
      ExpectedParcelView.of(
        orders.find((o) => o.batchNumber === r.batch_number)!,
        r.quarantined,
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async parcel(id: string): Promise<ParcelView | null> {
    const parcel = await this.dataSource.manager.findOneBy(Parcel, { id });
    return parcel ? ParcelView.of(parcel) : null;
  }
}
