import { brandSpecKey, normaliseProductText } from './brand-spec-key';

describe('brand + spec/model normalisation', () => {
  it('treats case, full/half width, spaces and punctuation as the same product', () => {
    expect(brandSpecKey('ＡＢＣ 牌', 'Model-X１')).toBe(brandSpecKey('abc牌', 'model x1'));
    expect(brandSpecKey('abc牌', '（model）x.1')).toBe('abc牌|modelx1');
  });

  it('keeps different models apart', () => {
    expect(brandSpecKey('abc', 'x1')).not.toBe(brandSpecKey('abc', 'x2'));
  });

  it('has no key when brand or spec/model is missing', () => {
    expect(brandSpecKey('abc', undefined)).toBeNull();
    expect(brandSpecKey(' ', 'x1')).toBeNull();
  });

  it('folds full-width digits and letters', () => {
    expect(normaliseProductText('２００ＣＭ×２３０ＣＭ')).toBe('200cm230cm');
  });
});
