import { randomBytes } from 'node:crypto';
import { PurchasingConfig } from '../purchasing.config';
import { BlindIndex } from './blind-index';

const indexWith = (key: string): BlindIndex =>
  new BlindIndex(Object.assign(new PurchasingConfig(), { PURCHASING_BLIND_INDEX_KEY: key }));

describe('BlindIndex', () => {
  const key = randomBytes(32).toString('base64');

  it('gives the same index for the same ID number however it was typed', () => {
    const index = indexWith(key);
    expect(index.idNumber('33010619900101123x')).toBe(index.idNumber(' 330106 19900101123X '));
    expect(index.idNumber('330106199001011234')).not.toBe(index.idNumber('330106199001011235'));
  });

  it('depends on the key and never contains the ID number', () => {
    const value = indexWith(key).idNumber('330106199001011234');
    expect(value).not.toContain('330106');
    expect(value).not.toBe(indexWith(randomBytes(32).toString('base64')).idNumber('330106199001011234'));
  });
});
