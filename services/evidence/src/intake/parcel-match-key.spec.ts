import { parcelMatchKey } from './parcel-match-key';

describe('parcel match key', () => {
  it('matches a tracking number typed with spaces, dashes or full-width digits', () => {
    expect(parcelMatchKey('中通快递', '7831 2345-678901')).toBe(parcelMatchKey('中通快递', '78312345678901'));
    expect(parcelMatchKey('中通快递', '７８３１２３４５６７８９０１')).toBe(
      parcelMatchKey('中通快递', '78312345678901'),
    );
  });

  it('does not match another carrier with the same number', () => {
    expect(parcelMatchKey('圆通速递', '78312345678901')).not.toBe(
      parcelMatchKey('中通快递', '78312345678901'),
    );
  });
});
