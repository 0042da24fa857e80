import { jurisdictionCovers, jurisdictionLevel, jurisdictionPrefix, jurisdictionWhere } from './jurisdiction';

describe('jurisdiction (GB/T 2260)', () => {
  it('tells province, city and district codes apart', () => {
    expect(jurisdictionLevel('330000')).toBe('province');
    expect(jurisdictionLevel('330100')).toBe('city');
    expect(jurisdictionLevel('330102')).toBe('district');
    expect(jurisdictionPrefix('330100')).toBe('3301');
  });

  it('lets a district officer see only their own district', () => {
    expect(jurisdictionCovers('330102', '330102')).toBe(true);
    expect(jurisdictionCovers('330102', '330106')).toBe(false);
    expect(jurisdictionCovers('330102', '330100')).toBe(false);
  });

  it('lets a city-level officer see every district under the city code, and no other city', () => {
    expect(jurisdictionCovers('330100', '330102')).toBe(true);
    expect(jurisdictionCovers('330100', '330106')).toBe(true);
    expect(jurisdictionCovers('330100', '330100')).toBe(true);
    expect(jurisdictionCovers('330100', '330203')).toBe(false);
  });

  it('lets a provincial officer see the whole province', () => {
    expect(jurisdictionCovers('330000', '330203')).toBe(true);
    expect(jurisdictionCovers('330000', '320102')).toBe(false);
  });

  it('covers nothing malformed and refuses a malformed officer code', () => {
    expect(jurisdictionCovers('330100', '3301')).toBe(false);
    expect(jurisdictionCovers('330100', '33010x')).toBe(false);
    expect(() => jurisdictionCovers('0330100', '330102')).toThrow(/not a GB\/T 2260 code/);
  });

  it('turns a code into a TypeORM condition: equality for a district, a prefix for city and province', () => {
    expect(jurisdictionWhere('330102')).toMatchObject({ type: 'equal', value: '330102' });
    expect(jurisdictionWhere('330100')).toMatchObject({ type: 'like', value: '3301%' });
    expect(jurisdictionWhere('330000')).toMatchObject({ type: 'like', value: '33%' });
  });
});
