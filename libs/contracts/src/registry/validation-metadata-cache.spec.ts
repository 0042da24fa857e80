import {
  getMetadataStorage,
  IsInt,
  IsString,
  Min,
  registerDecorator,
  validateSync,
  type ValidationArguments,
} from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

const failed = (value: object, groups?: string[]): string[] =>
  validateSync(value, groups ? { groups } : {})
    .map((e) => e.property)
    .sort();

class Parcel {
  @IsString()
  batchNumber!: unknown;

  @Min(1, { groups: ['strict'] })
  pieces!: unknown;
}

describe('class-validator target metadata, memoized', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('answers a repeated lookup from the cache (the same rules, not a new scan)', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Parcel, '', false, false);
    expect(first.map((m) => m.propertyName)).toContain('batchNumber');
    expect(storage.getTargetValidationMetadatas(Parcel, '', false, false)).toBe(first);
  });

  it('keeps groups apart: each validation gets the rules of its own groups, as class-validator has them', () => {
    const parcel = Object.assign(new Parcel(), { batchNumber: 7, pieces: 0 });
    // Without groups every rule applies; with groups, only the rules of those groups.
    expect(failed(parcel)).toEqual(['batchNumber', 'pieces']);
    expect(failed(parcel, ['strict'])).toEqual(['pieces']);
    expect(failed(parcel, ['other'])).toEqual([]);
    expect(failed(parcel)).toEqual(['batchNumber', 'pieces']);
    expect(failed(parcel, ['strict'])).toEqual(['pieces']);
  });

  it('gives a class declared after its parent was validated the parent’s rules and its own', () => {
    expect(failed(Object.assign(new Parcel(), { batchNumber: 7, pieces: 1 }))).toEqual(['batchNumber']);
    class WeighedParcel extends Parcel {
      @IsInt()
      grams!: unknown;
    }
    expect(failed(Object.assign(new WeighedParcel(), { batchNumber: 7, pieces: 1, grams: 'heavy' }))).toEqual(
      ['batchNumber', 'grams'],
    );
  });

  it('applies a rule registered at run time on a class already validated', () => {
    class Seal {
      @IsString()
      code!: unknown;
    }
    expect(failed(Object.assign(new Seal(), { code: 'S-1' }))).toEqual([]);
    registerDecorator({
      name: 'startsWithQ',
      target: Seal,
      propertyName: 'code',
      validator: { validate: (value: unknown, _args?: ValidationArguments) => String(value).startsWith('Q') },
    });
    expect(failed(Object.assign(new Seal(), { code: 'S-1' }))).toEqual(['code']);
  });

  it('installs once: a second call leaves the memoized lookup in place', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
