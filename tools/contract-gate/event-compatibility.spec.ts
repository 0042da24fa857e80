import { eventSchemaBreaks } from './event-compatibility';

const released = {
  type: 'object',
  additionalProperties: false,
  required: ['batchNumber', 'verdict'],
  properties: {
    batchNumber: { type: 'string', pattern: '^HZ\\d{4}-\\d{6}$' },
    verdict: { type: 'string', enum: ['pass', 'fail'] },
    note: { type: 'string', maxLength: 200 },
    items: { type: 'array', items: { $ref: '#/definitions/Item' } },
  },
  definitions: { Item: { type: 'object', properties: { unit: { type: 'string', minLength: 1 } } } },
};

const revise = (change: (schema: typeof released) => void) => {
  const copy = structuredClone(released);
  change(copy);
  return copy;
};

describe('eventSchemaBreaks', () => {
  it('finds nothing in the same schema, an added optional field or a widened one', () => {
    expect(eventSchemaBreaks(released, released)).toEqual([]);
    const widened = revise((s) => {
      (s.properties as Record<string, unknown>).extra = { type: 'string' };
      s.properties.note.maxLength = 500;
      s.properties.verdict.enum.push('inconclusive');
    });
    expect(eventSchemaBreaks(released, widened)).toEqual([]);
  });

  it('names each narrowing: type, enum, pattern, bounds, required, removed, inside arrays and $refs', () => {
    const narrowed = revise((s) => {
      s.properties.verdict.enum = ['pass'];
      s.properties.batchNumber.pattern = '^HZ2026-\\d{6}$';
      s.properties.note.maxLength = 100;
      s.required.push('note');
      s.definitions.Item.properties.unit.minLength = 2;
      (s.properties as Record<string, unknown>).items = { type: 'array', items: s.definitions.Item };
      delete (s.properties as Record<string, unknown>).batchNumber;
    });
    expect(eventSchemaBreaks(released, narrowed)).toEqual([
      '(value): note is now required',
      'batchNumber: removed (unknown fields are refused)',
      'verdict: enum no longer allows "fail"',
      'note: maxLength lowered to 100',
      'items[].unit: minLength raised to 2',
    ]);
  });

  it('treats a number that must now be whole as narrower, and an integer now any number as wider', () => {
    const number = { type: 'object', properties: { n: { type: 'number' } } };
    const integer = { type: 'object', properties: { n: { type: 'integer' } } };
    expect(eventSchemaBreaks(number, integer)).toEqual(['n: type narrowed from number to integer']);
    expect(eventSchemaBreaks(integer, number)).toEqual([]);
  });
});
