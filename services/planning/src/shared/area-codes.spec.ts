import { isKnownAreaCode } from './area-codes';

describe('GB/T 2260 area codes', () => {
  it('knows provinces, cities and districts', () => {
    expect(isKnownAreaCode('330000')).toBe(true);
    expect(isKnownAreaCode('330100')).toBe(true);
    expect(isKnownAreaCode('330106')).toBe(true);
  });

  it('refuses a well-formed code that names no area', () => {
    expect(isKnownAreaCode('339999')).toBe(false);
    expect(isKnownAreaCode('33010')).toBe(false);
  });
});
