import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { IsOmittable } from '@qis/contracts';
import { Type } from 'class-transformer';
import * as classValidator from 'class-validator';
import { IsInt, IsString, registerDecorator, ValidateNested } from 'class-validator';
import { nulCharacterPaths, strictValidationPipe } from './validation';

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

class Unit {
  @IsString()
  name!: string;
}

class Order {
  @IsInt({ each: true })
  quantities!: number[];

  @IsOmittable()
  @IsString()
  note?: string;

  @ValidateNested({ each: true })
  @Type(() => Unit)
  units!: Unit[];
}

class Named {
  @IsString()
  name!: string;
}
registerDecorator({
  name: 'isFree',
  target: Named,
  propertyName: 'name',
  async: true,
  validator: {
    validate: (value: unknown) => Promise.resolve(value !== 'taken'),
    defaultMessage: () => 'name is taken',
  },
});

describe('the strict validation pipe', () => {
  const pipe = strictValidationPipe();
  const body = (metatype: new () => object): ArgumentMetadata => ({ type: 'body', metatype, data: '' });
  const refusal = (value: unknown, metatype: new () => object) =>
    pipe.transform(value, body(metatype)).then(
      () => undefined,
      (error: BadRequestException) => error.getResponse(),
    );
  afterEach(() => jest.restoreAllMocks());

  it('passes a valid body as an instance of its class without asking class-validator', async () => {
    const validate = jest.spyOn(classValidator, 'validate');
    const order = await pipe.transform({ quantities: [1, 2], units: [{ name: 'a' }] }, body(Order));
    expect(order).toBeInstanceOf(Order);
    expect((order as Order).units[0]).toBeInstanceOf(Unit);
    expect(validate).not.toHaveBeenCalled();
  });

  it('refuses an invalid body with class-validator’s reasons, each field named', async () => {
    const validate = jest.spyOn(classValidator, 'validate');
    expect(
      await refusal({ quantities: [1, 'x'], note: null, units: [{ name: 3 }], buyer: '张三' }, Order),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      errors: [
        { field: 'buyer', reasons: ['property buyer should not exist'] },
        { field: 'quantities', reasons: ['each value in quantities must be an integer number'] },
        { field: 'note', reasons: ['note must be a string'] },
        { field: 'units[0].name', reasons: ['name must be a string'] },
      ],
    });
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('leaves a class with an async rule to class-validator, which applies it', async () => {
    expect(await pipe.transform({ name: 'free' }, body(Named))).toEqual({ name: 'free' });
    expect(await refusal({ name: 'taken' }, Named)).toMatchObject({
      errors: [{ field: 'name', reasons: ['name is taken'] }],
    });
  });
});
