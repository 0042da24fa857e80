import { Controller, Get, Param, ParseUUIDPipe, Query, type PipeTransform } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUrl,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { CREDIT_CODE_FORMAT, IsCreditCode, IsOmittable, RuleAcrossFields } from '@qis/contracts';
import {
  documentValidationRules,
  handlerParamClasses,
  NO_NUL_PATTERN,
  optionalFieldsTakingNull,
} from './validation-schemas';

class FileSampleProbeCommand {
  @Matches(/^HZ\d{4}-\d{6}$/)
  @MaxLength(20)
  batchNumber!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  units?: number;

  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  tags!: string[];
}

class ListSampleProbesQuery {
  @IsOptional()
  @IsIn(['open', 'closed'])
  state?: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  kinds?: string[];
}

// A rule of a nested class, documented inline where it is used (as the seller's facts are).
@RuleAcrossFields({ anyOf: [{ properties: { units: { maximum: 1 } } }, { required: ['code'] }] })
class ProbeOrigin {
  @IsCreditCode()
  code!: string;

  @IsInt()
  @Min(1)
  @Max(9)
  units!: number;
}

@RuleAcrossFields({ oneOf: [{ required: ['origin'] }, { required: ['link'] }] })
class RecordProbeCommand {
  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeOrigin)
  origin?: ProbeOrigin;

  @IsNumber({ maxDecimalPlaces: 3 })
  weight!: number;

  @IsOptional()
  @IsUrl({ protocols: ['https'] })
  link?: string;
}

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/probes': {
      get: {
        operationId: 'listProbes',
        responses: {},
        parameters: [
          { in: 'query', name: 'state', required: false, schema: { type: 'string' } },
          // a list sent as one comma-separated string: its string schema stays as it is
          { in: 'query', name: 'kinds', required: false, schema: { type: 'string' } },
        ],
      },
    },
  },
  components: {
    schemas: {
      [FileSampleProbeCommand.name]: {
        type: 'object',
        properties: {
          batchNumber: { type: 'string', example: 'HZ2026-000001' },
          units: { type: 'number' },
          tags: { type: 'array', items: { type: 'string' } },
        },
        required: ['tags'],
      },
    },
  },
});

describe('documentValidationRules', () => {
  it('puts the class-validator rules of a body into its schema: pattern, lengths, bounds, integer, items, required, no other field', () => {
    const schema = documentValidationRules(document()).components!.schemas!.FileSampleProbeCommand;
    expect(schema).toEqual({
      type: 'object',
      properties: {
        batchNumber: {
          type: 'string',
          example: 'HZ2026-000001',
          pattern: '^HZ\\d{4}-\\d{6}$',
          maxLength: 20,
        },
        units: { type: 'integer', minimum: 1, maximum: 5 },
        tags: {
          type: 'array',
          uniqueItems: true,
          // free text: the rule every string obeys, no NUL character
          items: { type: 'string', maxLength: 10, pattern: NO_NUL_PATTERN },
        },
      },
      required: ['batchNumber', 'tags'],
      additionalProperties: false,
    });
  });

  it("gives query parameters the rules of the class the handler takes with @Query(), never an array's to a string", () => {
    const classes = new Map([['listProbes', { query: ListSampleProbesQuery }]]);
    const parameters = documentValidationRules(document(), classes).paths['/probes'].get!.parameters;
    expect(parameters).toEqual([
      { in: 'query', name: 'state', required: false, schema: { type: 'string', enum: ['open', 'closed'] } },
      { in: 'query', name: 'kinds', required: false, schema: { type: 'string', pattern: NO_NUL_PATTERN } },
    ]);
  });

  it('states what JSON Schema can of the rest: check-character format, decimal places, URLs, nested facts, rules across fields', () => {
    const doc = document();
    doc.components!.schemas![RecordProbeCommand.name] = {
      type: 'object',
      properties: {
        origin: { type: 'object', properties: {} },
        weight: { type: 'number' },
        link: { type: 'string' },
      },
    };
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const schema = documentValidationRules(doc).components!.schemas!.RecordProbeCommand as Json;
    expect(schema['x-rules-across-fields']).toEqual({
      oneOf: [{ required: ['origin'] }, { required: ['link'] }],
    });
    expect(schema.oneOf).toBeUndefined(); // generators of other ecosystems refuse a top-level oneOf
    expect(schema.properties.weight).toEqual({ type: 'number', multipleOf: 0.001 });
    expect(schema.properties.link.format).toBe('uri');
    expect(new RegExp(schema.properties.link.pattern).test('https://item.taobao.com/item.htm?id=1')).toBe(
      true,
    );
    expect(new RegExp(schema.properties.link.pattern).test('urn:isbn:1')).toBe(false);
    // a class with no @ApiProperty: its fields come from its validation
    expect(schema.properties.origin).toEqual({
      type: 'object',
      properties: {
        code: expect.objectContaining({ type: 'string', format: CREDIT_CODE_FORMAT }),
        units: { type: 'integer', minimum: 1, maximum: 9 },
      },
      required: ['code', 'units'],
      additionalProperties: false,
      // its rule across fields goes with it, inline
      'x-rules-across-fields': {
        anyOf: [{ properties: { units: { maximum: 1 } } }, { required: ['code'] }],
      },
    });
  });
  it('lets a body be left out only when its class requires no field and has no rule across fields', () => {
    class NoteProbeCommand {
      @IsOptional()
      @MaxLength(10)
      note?: string;
    }
    const doc = document();
    const body = (name: string) => ({
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
    });
    doc.components!.schemas![NoteProbeCommand.name] = {
      type: 'object',
      properties: { note: { type: 'string' } },
    };
    doc.components!.schemas![RecordProbeCommand.name] = { type: 'object', properties: {} };
    doc.paths['/notes'] = {
      post: { operationId: 'addNote', responses: {}, requestBody: body(NoteProbeCommand.name) },
      put: { operationId: 'fileSample', responses: {}, requestBody: body(FileSampleProbeCommand.name) },
      patch: { operationId: 'recordProbe', responses: {}, requestBody: body(RecordProbeCommand.name) },
    };
    const paths = documentValidationRules(doc).paths['/notes']!;
    expect(paths.post!.requestBody).toMatchObject({ required: false });
    expect(paths.put!.requestBody).toMatchObject({ required: true });
    expect(paths.patch!.requestBody).toMatchObject({ required: true });
  });
  it('names the request fields that take null where the document does not allow it', () => {
    class NullProbeCommand {
      @IsOptional()
      @MaxLength(10)
      note?: string;

      @IsOmittable()
      @MaxLength(10)
      tag?: string;

      @IsOptional()
      @MaxLength(10)
      cleared?: string | null;
    }
    const doc = document();
    doc.components!.schemas![NullProbeCommand.name] = {
      type: 'object',
      properties: {
        note: { type: 'string' },
        tag: { type: 'string' },
        cleared: { type: 'string', nullable: true },
      },
    };
    doc.paths['/nulls'] = {
      post: {
        operationId: 'probeNulls',
        responses: {},
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NullProbeCommand' } } },
        },
      },
    };
    expect(optionalFieldsTakingNull(doc)).toEqual(['NullProbeCommand.note']);
  });
});

class ProbeYearPipe implements PipeTransform<string, number> {
  static readonly openApiSchema = { type: 'integer', minimum: 2000, maximum: 2100 };
  transform(value: string): number {
    return Number(value);
  }
}

@Controller()
class ProbeController {
  @Get('probes')
  listProbes(@Query() query: ListSampleProbesQuery): ListSampleProbesQuery {
    return query;
  }

  @Get('probes/:id/years/:year')
  getProbeYear(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('year', ProbeYearPipe) year: number,
  ): string {
    return `${id}${year}`;
  }
}

describe('handlerParamClasses', () => {
  it("finds each handler's @Query() class and what the pipes of a single parameter accept", async () => {
    const module = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    const app = module.createNestApplication({ logger: false });
    try {
      const classes = handlerParamClasses(app);
      expect(classes.get('listProbes')).toEqual({ query: ListSampleProbesQuery });
      expect(classes.get('getProbeYear')).toEqual({
        single: {
          'path:id': { format: 'uuid' },
          'path:year': { type: 'integer', minimum: 2000, maximum: 2100 },
        },
      });
    } finally {
      await app.close();
    }
  });
});
