import { combine } from './held-writes';

describe('combine', () => {
  it('makes the earlier statements CTEs of the last and renumbers the parameters in order', () => {
    const combined = combine([
      { sql: 'insert into a (x, y) values ($1, $2)', params: ['x', 'y'] },
      { sql: 'insert into b (z) values ($1::jsonb)', params: ['{}'] },
      { sql: 'update c set r = $2 where k = $1 returning k', params: ['k', 'r'] },
    ]);
    expect(combined.sql).toBe(
      'with held_1 as (insert into a (x, y) values ($1, $2)), held_2 as (insert into b (z) values ($3::jsonb)) ' +
        'update c set r = $5 where k = $4 returning k',
    );
    expect(combined.params).toEqual(['x', 'y', '{}', 'k', 'r']);
  });

  it('continues a WITH list the last statement has, recursive too', () => {
    const held = { sql: 'insert into a (x) values ($1)', params: [1] };
    expect(combine([held, { sql: 'with q as (select $1::int as v) select v from q', params: [2] }]).sql).toBe(
      'with held_1 as (insert into a (x) values ($1)), q as (select $2::int as v) select v from q',
    );
    expect(
      combine([held, { sql: 'WITH RECURSIVE q(v) as (select $1::int) select v from q', params: [2] }]).sql,
    ).toBe(
      'with recursive held_1 as (insert into a (x) values ($1)), q(v) as (select $2::int) select v from q',
    );
  });

  it('leaves a single statement alone and refuses a parameter the statement does not have', () => {
    const only = { sql: 'select $1', params: [1] };
    expect(combine([only])).toBe(only);
    expect(() =>
      combine([
        { sql: 'insert into a values ($2)', params: [1] },
        { sql: 'select 1', params: [] },
      ]),
    ).toThrow('statement refers to $2 but has 1 parameters');
  });
});
