import { plainToInstance, Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  validateSync,
  type ValidatorOptions,
} from 'class-validator';
import { contracts } from './contracts';
import { planVerdict, provenValid, validateStrictly } from './validation-plan';

const strict: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
/** As Nest's ValidationPipe has them: it turns forbidUnknownValues off. */
const lenient: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false };

type Plain = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

/** Every path of a plain value: object keys and array indexes, nested. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...at, i], ...paths(item, [...at, i])]);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...paths(item, [...at, key])]);
  return [];
}

function edit(
  root: Plain,
  path: Array<string | number>,
  change: (parent: Plain, key: string | number) => void,
): Plain {
  const copy = clone(root);
  let parent: Plain = copy;
  for (const step of path.slice(0, -1)) parent = parent[step as string] as Plain;
  change(parent, path[path.length - 1]);
  return copy;
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'x',
  '2026-13-45T25:61:00Z',
  '2026-12-07T10:00:00+08:00',
  'a'.repeat(5_000),
  '\u0000',
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [],
  [null],
  {},
  { unexpected: 1 },
];

/** The example, and the example with each field removed, replaced by each odd value, or given a stranger beside it. */
function mutations(example: Plain): Array<{ name: string; plain: Plain }> {
  const out = [{ name: 'as given', plain: clone(example) }];
  for (const path of paths(example)) {
    const where = path.join('.');
    out.push({
      name: `${where} removed`,
      plain: edit(example, path, (p, k) => {
        if (Array.isArray(p)) p.splice(k as number, 1);
        else delete p[k as string];
      }),
    });
    for (const odd of ODD_VALUES)
      out.push({
        name: `${where} = ${JSON.stringify(odd)?.slice(0, 20)}`,
        plain: edit(example, path, (p, k) => (p[k as string] = clone(odd))),
      });
    out.push({
      name: `stranger beside ${where}`,
      plain: edit(example, path, (p) => {
        if (!Array.isArray(p)) p['stranger'] = 'x';
      }),
    });
  }
  out.push({ name: 'stranger at the top', plain: { ...clone(example), buyerName: '张三' } });
  return out;
}

/** What class-validator says, and what the plan says (when it says anything). */
function bothSay(cls: new () => object, plain: Plain, options = strict) {
  const errors = validateSync(plainToInstance(cls, plain), options);
  const plan = planVerdict(plainToInstance(cls, plain), options.forbidUnknownValues !== false);
  return { valid: errors.length === 0, errors, plan };
}

describe('the validation plan against class-validator', () => {
  const classes = contracts.flatMap((c) => [
    { name: `${c.topic} value`, cls: c.value as new () => object, example: c.example.value as Plain },
    { name: `${c.topic} key`, cls: c.key as new () => object, example: c.example.key as Plain },
  ]);

  it.each(classes.map((c) => [c.name, c] as const))(
    '%s: the plan answers the example and every mutation of it as validateSync does',
    (_name, { cls, example }) => {
      const cases = mutations(example);
      let invalid = 0;
      for (const { name, plain } of cases)
        for (const options of [strict, lenient]) {
          const said = bothSay(cls, plain, options);
          // Exact agreement: the plan's "valid" is never class-validator's "invalid", nor the reverse.
          expect({ name, options, plan: said.plan }).toEqual({ name, options, plan: said.valid });
          expect(provenValid(plainToInstance(cls, plain), options)).toBe(said.valid);
          // validateStrictly answers as validateSync, errors included.
          expect(validateStrictly(plainToInstance(cls, plain), options)).toEqual(said.errors);
          if (!said.valid && options === strict) invalid++;
        }
      // The mutations do reach the rules: most of them break the example.
      expect(invalid).toBeGreaterThan(cases.length / 2);
    },
  );
});

class Unit {
  @IsString()
  name!: string;
}

class Order {
  @IsDefined()
  @IsInt({ each: true })
  quantities!: number[];

  @IsOptional()
  @IsString()
  note?: string;

  @ValidateIf((o: Order) => o.note !== undefined)
  @IsString()
  noteAuthor?: string;

  @ValidateNested({ each: true })
  @Type(() => Unit)
  units!: Unit[];
}

describe('the validation plan on the rules it must follow', () => {
  const check = (plain: Plain) => bothSay(Order, plain);
  const valid = { quantities: [1, 2], units: [{ name: 'a' }] };

  it('applies `each` to every item, conditions before rules, and nested classes item by item', () => {
    expect(check(valid)).toMatchObject({ valid: true, plan: true });
    expect(check({ ...valid, quantities: [1, 'x'] })).toMatchObject({ valid: false, plan: false });
    expect(check({ ...valid, note: 'n' })).toMatchObject({ valid: false, plan: false }); // author now required
    expect(check({ ...valid, note: 'n', noteAuthor: 'z' })).toMatchObject({ valid: true, plan: true });
    expect(check({ ...valid, units: [{ name: 'a' }, { name: 3 }] })).toMatchObject({
      valid: false,
      plan: false,
    });
    expect(check({ ...valid, units: [{ name: 'a', extra: 1 }] })).toMatchObject({
      valid: false,
      plan: false,
    });
    expect(check({ ...valid, units: ['a'] })).toMatchObject({ valid: false, plan: false });
    expect(check({ quantities: [1] })).toMatchObject({ valid: true, plan: true }); // units undefined: not nested
    expect(check({ units: [] })).toMatchObject({ valid: false, plan: false }); // IsDefined
  });

  it('refuses an object of a class without rules (forbidUnknownValues), or one with any property (whitelist)', () => {
    class Bare {
      name = 'x';
    }
    class Empty {}
    expect(planVerdict(new Bare())).toBe(false);
    expect(validateStrictly(new Bare(), strict)).toHaveLength(1);
    expect(planVerdict(new Bare(), false)).toBe(false);
    expect(validateStrictly(new Bare(), lenient)).toHaveLength(1);
    expect(provenValid(new Empty(), strict)).toBe(false);
    expect(provenValid(new Empty(), lenient)).toBe(true);
    expect(validateSync(new Empty(), lenient)).toEqual([]);
    // A nested object without its required field, with or without forbidUnknownValues.
    expect(check({ ...valid, units: [{}] })).toMatchObject({ valid: false, plan: false });
    expect(bothSay(Order, { ...valid, units: [{}] }, lenient)).toMatchObject({ valid: false, plan: false });
  });

  it('leaves async rules and other options to class-validator, whose answer stands', () => {
    class Later {
      @IsString()
      name!: string;
    }
    registerDecorator({
      name: 'isLater',
      target: Later,
      propertyName: 'name',
      async: true,
      validator: { validate: () => Promise.resolve(false) },
    });
    const later = Object.assign(new Later(), { name: 'x' });
    expect(planVerdict(later)).toBeUndefined();
    // validateSync skips async rules: valid.
    expect(validateStrictly(later, strict)).toEqual([]);
    // An option left undefined is no option; one set is class-validator's to apply.
    const order = (): Order => plainToInstance(Order, { quantities: [1], units: [{ name: 'a' }] });
    expect(provenValid(order(), { ...strict, groups: undefined })).toBe(true);
    expect(provenValid(order(), { ...strict, stopAtFirstError: true })).toBe(false);
    expect(validateStrictly(order(), { ...strict, stopAtFirstError: true })).toEqual([]);
    // Stripping unknown fields (whitelist without forbidNonWhitelisted) changes the object: class-validator's.
    const stray = Object.assign(new Order(), { quantities: [1], stray: 1 });
    expect(validateStrictly(stray, { whitelist: true })).toEqual([]);
    expect(stray).not.toHaveProperty('stray');
  });

  it('sees a rule registered after its class was planned', () => {
    class Later {
      @IsString()
      name!: string;
    }
    const later = Object.assign(new Later(), { name: 'x' });
    expect(planVerdict(later)).toBe(true);
    registerDecorator({
      name: 'isShort',
      target: Later,
      propertyName: 'name',
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length > 3 },
    });
    expect(planVerdict(later)).toBe(false);
    expect(validateStrictly(later, strict).map((e) => Object.keys(e.constraints ?? {}))).toEqual([
      ['isShort'],
    ]);
  });
});
