import { ParseIntPipe, ParseUUIDPipe, type INestApplication, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { IS_ISO8601 } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';

// class-transformer keeps its @Type metadata here; no typed entry point exports it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

type Json = Record<string, unknown>;

/**
 * The keywords that state a constraint the validation enforces (never the type, never a $ref), by
 * the type they apply to: a query list sent as one comma-separated string keeps its string schema.
 */
const CONSTRAINTS: Record<string, ReadonlyArray<string | undefined>> = {
  pattern: ['string', undefined],
  minLength: ['string', undefined],
  maxLength: ['string', undefined],
  format: ['string', undefined],
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'],
  multipleOf: ['number', 'integer'],
  minItems: ['array'],
  maxItems: ['array'],
  uniqueItems: ['array'],
  enum: ['string', 'number', 'integer', undefined],
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Copies into `target` each constraint of `source` it does not state yet, and into `target.items`
 * those of `source.items`; `integer` replaces `number` when the validation wants whole numbers.
 * Returns the keywords added.
 */
function mergeConstraints(target: Json, source: Json): string[] {
  if ('$ref' in target || 'allOf' in target || 'oneOf' in target) return [];
  const added: string[] = [];
  if (source.type === 'array' && target.type !== 'array') return added;
  for (const [keyword, types] of Object.entries(CONSTRAINTS)) {
    if (source[keyword] === undefined || target[keyword] !== undefined) continue;
    if (!types.includes(target.type as string | undefined)) continue;
    target[keyword] = source[keyword];
    added.push(keyword);
  }
  if (source.type === 'integer' && target.type === 'number') {
    target.type = 'integer';
    added.push('type');
  }
  if (isObject(target.items) && isObject(source.items))
    added.push(...mergeConstraints(target.items, source.items).map((k) => `items.${k}`));
  return added;
}

/**
 * What a handler's parameters are validated by: the classes it takes whole with `@Query()` and
 * `@Param()`, and for a single parameter (`@Param('id', new ParseUUIDPipe())`) the schema its pipes
 * state, keyed `path:id` or `query:id`.
 */
export interface ParamClasses {
  query?: Type;
  path?: Type;
  single?: Record<string, Json>;
}

/**
 * A pipe that states, as OpenAPI schema keywords, what it accepts: a static `openApiSchema` on its
 * class (`static readonly openApiSchema = { pattern: BATCH_NUMBER.source }`).
 */
export interface DocumentedPipe {
  readonly openApiSchema: Json;
}

/** The schema keywords one parameter's pipes state (Nest's own UUID and integer pipes included). */
function pipeSchema(pipes: readonly unknown[]): Json {
  const schema: Json = {};
  for (const pipe of pipes) {
    const type = (
      typeof pipe === 'function' ? pipe : (pipe as object).constructor
    ) as Partial<DocumentedPipe> & Type;
    if (type === ParseUUIDPipe) schema.format = 'uuid';
    else if (type === ParseIntPipe) schema.type = 'integer';
    else if (isObject(type.openApiSchema)) Object.assign(schema, type.openApiSchema);
  }
  return schema;
}

const conversionOptions = {
  classTransformerMetadataStorage: defaultMetadataStorage,
  refPointerPrefix: '#/components/schemas/',
  // IsISO8601 takes dates and date-times alike; the DTO's own @ApiProperty states which.
  additionalConverters: { [IS_ISO8601]: {} },
};

const schemaOf = (type: Type): Json =>
  JSON.parse(JSON.stringify(targetConstructorToSchema(type, conversionOptions))) as Json;

/**
 * For each handler of the app's controllers, by method name (which is its operationId), the classes
 * it takes whole with `@Query()` and `@Param()`.
 */
export function handlerParamClasses(app: INestApplication): Map<string, ParamClasses> {
  const found = new Map<string, ParamClasses>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as
          Record<string, { index: number; data?: unknown; pipes?: unknown[] }> | undefined;
        const types = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as
          Type[] | undefined;
        if (!args || !types) continue;
        const classes: ParamClasses = {};
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[arg.index];
          const place =
            kind === RouteParamtypes.QUERY ? 'query' : kind === RouteParamtypes.PARAM ? 'path' : null;
          if (place && typeof arg.data === 'string') {
            const stated = pipeSchema(arg.pipes ?? []);
            if (Object.keys(stated).length > 0)
              classes.single = { ...classes.single, [`${place}:${arg.data}`]: stated };
            continue;
          }
          if (arg.data !== undefined || !type || [String, Number, Object, Boolean].includes(type as never))
            continue;
          if (kind === RouteParamtypes.QUERY) classes.query = type;
          if (kind === RouteParamtypes.PARAM) classes.path = type;
        }
        if (classes.query || classes.path || classes.single) found.set(name, classes);
      }
    }
  }
  return found;
}

/** Each validated class's JSON Schema by class name, from its class-validator decorators. */
function validationSchemas(): Record<string, Json> {
  return JSON.parse(JSON.stringify(validationMetadatasToSchemas(conversionOptions))) as Record<string, Json>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Json;
}

/**
 * Puts the validation rules into the document, so a client built from it sends what the service
 * accepts: one source, the class-validator decorators the service enforces.
 *
 * - A body or response schema named after a validated class gets each property's constraints
 *   (pattern, lengths, bounds, enum, items, format), the properties the validation requires, and
 *   `additionalProperties: false` (the validation pipe refuses fields the class does not declare).
 * - Query and path parameters come from the class the handler takes with `@Query()` / `@Param()`
 *   (`paramClasses`, by operationId: see `handlerParamClasses`); Nest lists them one by one.
 */
export function documentValidationRules(
  document: OpenAPIObject,
  paramClasses: ReadonlyMap<string, ParamClasses> = new Map(),
): OpenAPIObject {
  const rules = validationSchemas();
  const components = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (const [name, schema] of Object.entries(components)) {
    const rule = rules[name];
    if (!rule || !isObject(schema.properties) || !isObject(rule.properties)) continue;
    for (const [property, definition] of Object.entries(schema.properties)) {
      const constraint = rule.properties[property];
      if (isObject(definition) && isObject(constraint)) mergeConstraints(definition, constraint);
    }
    const required = new Set([...((schema.required as string[] | undefined) ?? [])]);
    for (const property of (rule.required as string[] | undefined) ?? [])
      if (property in schema.properties) required.add(property);
    if (required.size > 0) schema.required = [...required].sort();
    // The validation pipe refuses fields a validated class does not declare (forbidNonWhitelisted).
    if (schema.additionalProperties === undefined) schema.additionalProperties = false;
  }

  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (
        item as Record<string, { operationId?: string; parameters?: Parameter[] } | undefined>
      )[method];
      if (!operation?.operationId) continue;
      const classes = paramClasses.get(operation.operationId);
      for (const parameter of operation.parameters ?? []) {
        const stated = classes?.single?.[`${parameter.in}:${parameter.name}`];
        if (stated && isObject(parameter.schema)) {
          if (stated.type === 'integer' && parameter.schema.type === 'number')
            parameter.schema.type = 'integer';
          mergeConstraints(parameter.schema, stated);
        }
      }
      for (const [place, type] of [
        ['query', classes?.query],
        ['path', classes?.path],
      ] as const) {
        if (!type) continue;
        const rule = schemaOf(type);
        if (!isObject(rule.properties)) continue;
        for (const parameter of operation.parameters ?? []) {
          const constraint = rule.properties[parameter.name];
          if (parameter.in === place && isObject(parameter.schema) && isObject(constraint))
            mergeConstraints(parameter.schema, constraint);
        }
      }
    }
  }
  return document;
}
