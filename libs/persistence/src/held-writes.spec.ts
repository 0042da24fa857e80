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

  it("sends the same single-row insert held many times as one multi-row insert, in the first one's place", () => {
    const effect = (n: number) => ({
      sql: 'insert into effect (id, body) values ($1, $2::jsonb)',
      params: [n, `{"n":${n}}`],
    });
    const combined = combine([
      effect(1),
      { sql: 'insert into audit (x) values ($1)', params: ['a'] },
      effect(2),
      effect(3),
      // not a plain single row: left as it is
      { sql: 'insert into audit (x) values ($1) on conflict do nothing', params: ['b'] },
      { sql: 'insert into audit (x) values ($1)', params: ['c'] },
      { sql: 'select $1::int as n', params: [7] },
    ]);
    expect(combined.sql).toBe(
      'with held_1 as (insert into effect (id, body) values ($1, $2::jsonb), ($3, $4::jsonb), ($5, $6::jsonb)), ' +
        'held_2 as (insert into audit (x) values ($7), ($8)), ' +
        'held_3 as (insert into audit (x) values ($9) on conflict do nothing) select $10::int as n',
    );
    expect(combined.params).toEqual([1, '{"n":1}', 2, '{"n":2}', 3, '{"n":3}', 'a', 'c', 'b', 7]);
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
