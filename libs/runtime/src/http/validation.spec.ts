import { nulCharacterPaths } from './validation';

describe('nulCharacterPaths', () => {
  it('names every string holding a NUL character, however deep', () => {
    expect(
      nulCharacterPaths({
        platform: 'a\u0000b',
        items: [{ unit: 'ok' }, { unit: '\u0000' }],
        n: 1,
        ok: 'fine',
      }),
    ).toEqual(['platform', 'items[1].unit']);
    expect(nulCharacterPaths('x\u0000', 'id')).toEqual(['id']);
    expect(nulCharacterPaths({ text: '蚕丝被\u3000 tab\t' })).toEqual([]);
  });
});
