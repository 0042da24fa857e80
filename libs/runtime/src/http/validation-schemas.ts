import { ParseIntPipe, ParseUUIDPipe, type INestApplication, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CREDIT_CODE_FORMAT, rulesAcrossFields } from '@qis/contracts';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, IS_ISO8601, IS_NUMBER, IS_OPTIONAL, IS_URL, MAX, MIN } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

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

/** Validation constraints (by the name they are registered under) whose rule only a format can name. */
const FORMAT_OF_CONSTRAINT: Record<string, string> = {
  isUnifiedSocialCreditCode: CREDIT_CODE_FORMAT,
  isCreditCode: CREDIT_CODE_FORMAT,
};

const ISO_YEAR_MARK = 'x-iso8601';
const FOUR_DIGIT_YEAR = '^\\d{4}-';
const ISO_YEAR = '^[1-9][0-9]{3}-';

/**
 * The years and days IsISO8601 accepts, stated in the property's pattern and format: strict, it refuses the years
 * 0000–0099 (validator.js reads them as 19xx and finds the day wrong). Alone it is the pattern; over
 * a `@Matches` date pattern that admits any four digits it narrows that pattern's year (a client
 * generated from lab-gateway's document sent a contract valid from 0000-01-01 and met a 400).
 */
function isoYearRule(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(isoYearRule);
  if (!isObject(schema)) return;
  if (schema[ISO_YEAR_MARK] === true) {
    delete schema[ISO_YEAR_MARK];
    if (typeof schema.pattern !== 'string') schema.pattern = ISO_YEAR;
    else if (schema.pattern.startsWith(FOUR_DIGIT_YEAR))
      schema.pattern = ISO_YEAR + schema.pattern.slice(FOUR_DIGIT_YEAR.length);
    // A whole date or date-time, as the pattern spells it: the format says its day must be one the
    // calendar has (2027-02-30 fits the pattern; strict, IsISO8601 refuses it).
    if (schema.format === undefined && /\$$/.test(schema.pattern as string))
      schema.format = (schema.pattern as string).includes('T(') ? 'date-time' : 'date';
  }
  for (const value of Object.values(schema)) isoYearRule(value);
}

const URL_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const URL_SAFE = "[A-Za-z0-9._~!$&'()*+,;=-]";

/**
 * The URLs IsUrl accepts with the options it was given, as a pattern (a subset: what a client
 * should send): one of its protocols, a host whose last label is alphabetic (with at least one dot
 * before it when a top-level domain is required), and a path and query of unreserved characters.
 * `format: uri` alone admits `urn:x` and `a:b`, which IsUrl refuses.
 */
function urlPattern(options: { protocols?: string[]; require_tld?: boolean } = {}): string {
  const protocols = options.protocols ?? ['http', 'https', 'ftp'];
  const host = `(?:${URL_LABEL}\\.)${options.require_tld === false ? '*' : '+'}[A-Za-z]{2,24}`;
  return `^(?:${protocols.join('|')})://${host}(?:/${URL_SAFE}*)*(?:\\?${URL_SAFE}*)?$`;
}

const additionalConverters: ISchemaConverters = {
  // Bounds say nothing of the type: the default `type: 'number'` hid IsInt's `integer`.
  [MIN]: (meta) => ({ minimum: meta.constraints?.[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints?.[0] as number }),
  [IS_URL]: (meta) => ({
    type: 'string',
    format: 'uri',
    pattern: urlPattern(meta.constraints?.[0] as Parameters<typeof urlPattern>[0]),
  }),
  // IsISO8601 takes dates and date-times alike; the DTO's own @ApiProperty states which. Marked
  // here, made a pattern by isoYearRule once the property's other rules are merged.
  [IS_ISO8601]: { [ISO_YEAR_MARK]: true },
  // `maxDecimalPlaces: 3` is `multipleOf: 0.001`: a generated 1.7e-41 is a number, but not one
  // with three decimals.
  [IS_NUMBER]: (meta) => {
    const places = (meta.constraints?.[0] as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return places === undefined ? { type: 'number' } : { type: 'number', multipleOf: Number(`1e-${places}`) };
  },
  ...Object.fromEntries(
    Object.entries(FORMAT_OF_CONSTRAINT).map(([name, format]) => [name, { type: 'string', format }]),
  ),
};

const conversionOptions = {
  classTransformerMetadataStorage: defaultMetadataStorage,
  refPointerPrefix: '#/components/schemas/',
  additionalConverters,
};

/**
 * The pattern that states the rule every string of every request obeys (StrictValidationPipe): no
 * NUL character (PostgreSQL cannot store one). Strings with a pattern, an enum or a format of their
 * own state a narrower alphabet already.
 */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';

/** Adds NO_NUL_PATTERN to every free-text string schema under `schema`, arrays and objects included. */
function statePlainTextRule(schema: unknown): void {
  if (Array.isArray(schema)) {
    schema.forEach(statePlainTextRule);
    return;
  }
  if (!isObject(schema)) return;
  if (
    schema.type === 'string' &&
    schema.pattern === undefined &&
    schema.enum === undefined &&
    schema.format === undefined &&
    schema.const === undefined
  )
    schema.pattern = NO_NUL_PATTERN;
  for (const [key, value] of Object.entries(schema))
    if (key !== 'example' && key !== 'examples' && key !== 'default') statePlainTextRule(value);
}

const schemaOf = (type: Type): Json => {
  const schema = JSON.parse(JSON.stringify(targetConstructorToSchema(type, conversionOptions))) as Json;
  isoYearRule(schema);
  return schema;
};

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
  const schemas = JSON.parse(JSON.stringify(validationMetadatasToSchemas(conversionOptions))) as Record<
    string,
    Json
  >;
  isoYearRule(schemas);
  return schemas;
}

/**
 * Where a class's rule across fields (@RuleAcrossFields, @qis/contracts) goes in its schema: an
 * extension, not `oneOf`/`anyOf` at the schema's top, which the client generators of other
 * ecosystems refuse (openapi-python-client drops the operation, openapi-generator warns). A fuzzer
 * merges it back (tools/openapi/schemathesis_hooks.py).
 */
export const RULES_EXTENSION = 'x-rules-across-fields';

/** Puts a class's rule across fields (and the example that obeys it) on the schema that documents it. */
function stateRuleAcrossFields(schema: Json, className: string): void {
  const declared = rulesAcrossFields().get(className);
  if (!declared) return;
  const { example, ...rule } = declared;
  Object.assign(schema, {
    ...(example === undefined ? {} : { example }),
    [RULES_EXTENSION]: structuredClone(rule),
  });
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The class schema a `$ref` of the validation schemas names (`#/components/schemas/SellerFacts`). */
const referencedName = (constraint: Json): string | undefined =>
  typeof constraint.$ref === 'string' ? constraint.$ref.split('/').pop() : undefined;
const referenced = (constraint: Json, rules: Record<string, Json>): Json | undefined =>
  rules[referencedName(constraint) ?? ''];

/**
 * Puts a validated class's rules into the schema that documents it: each property's constraints,
 * the properties the validation requires, and `additionalProperties: false` (the validation pipe
 * refuses fields the class does not declare). A property documented inline (`@ApiProperty({ type:
 * 'object', properties })`) over a nested validated class gets that class's rules the same way.
 */
function applyClassRule(schema: Json, rule: Json, rules: Record<string, Json>): void {
  if (!isObject(rule.properties)) return;
  if (!isObject(schema.properties)) schema.properties = {};
  const properties = schema.properties as Json;
  // A class of ours without @ApiProperty (libs/contracts' facts) reaches the document as `{}`: its
  // validation schema states what it holds.
  for (const [property, constraint] of Object.entries(rule.properties))
    if (!(property in properties) && isObject(constraint)) properties[property] = structuredClone(constraint);
  for (const [property, definition] of Object.entries(properties)) {
    const constraint = rule.properties[property];
    if (!isObject(definition) || !isObject(constraint)) continue;
    const nested = referenced(constraint, rules);
    const nestedItems = isObject(constraint.items) ? referenced(constraint.items, rules) : undefined;
    if (nested && isObject(definition.properties)) {
      applyClassRule(definition, nested, rules);
      stateRuleAcrossFields(definition, referencedName(constraint) ?? '');
    } else if (nestedItems && isObject(definition.items) && isObject(definition.items.properties)) {
      applyClassRule(definition.items, nestedItems, rules);
      stateRuleAcrossFields(definition.items, referencedName(constraint.items as Json) ?? '');
    } else mergeConstraints(definition, constraint);
  }
  const required = new Set([...((schema.required as string[] | undefined) ?? [])]);
  for (const property of (rule.required as string[] | undefined) ?? [])
    if (property in properties) required.add(property);
  if (required.size > 0) schema.required = [...required].sort();
  if (schema.additionalProperties === undefined) schema.additionalProperties = false;
}

/** The class names the document's `$ref`s point at. */
function referencedNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => referencedNames(item, into));
  else if (isObject(value))
    for (const [key, item] of Object.entries(value))
      if (key === '$ref' && typeof item === 'string') into.add(item.split('/').pop() ?? '');
      else referencedNames(item, into);
  return into;
}

/** Adds the schema of each validated class a rule refers to and the document does not hold yet. */
function addReferencedClasses(
  document: OpenAPIObject,
  components: Record<string, Json>,
  rules: Record<string, Json>,
): void {
  for (let missing = [...referencedNames(document)]; missing.length > 0;) {
    const added: string[] = [];
    for (const name of missing)
      if (!(name in components) && rules[name]) {
        components[name] = { type: 'object' };
        applyClassRule(components[name], rules[name], rules);
        added.push(name);
      }
    missing = [...referencedNames(added.map((name) => components[name]))];
  }
}

/** The component names a request body refers to, and those their schemas refer to in turn. */
function requestClassNames(document: OpenAPIObject): Set<string> {
  const bodies: unknown[] = [];
  for (const item of Object.values(document.paths))
    for (const method of METHODS)
      bodies.push((item as Record<string, { requestBody?: unknown } | undefined>)[method]?.requestBody);
  const names = referencedNames(bodies);
  const components = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (let added = [...names]; added.length > 0;) {
    const next = [...referencedNames(added.map((name) => components[name]))].filter(
      (name) => !names.has(name),
    );
    next.forEach((name) => names.add(name));
    added = next;
  }
  return names;
}

/**
 * The fields of request classes that take `null` where their document does not allow it:
 * class-validator's `IsOptional` skips a field's checks for null as for a missing field, so null
 * passes to the use case (found by fuzzing: stored, answered against the schema, or a 500 on a NOT
 * NULL column). Such a field is `IsOmittable` (may be left out, never null), or documented
 * `nullable: true` when null means something. `Class.field` each.
 */
export function optionalFieldsTakingNull(document: OpenAPIObject): string[] {
  const names = requestClassNames(document);
  const components = (document.components?.schemas ?? {}) as Record<string, Json>;
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, Array<{ name?: string; propertyName: string; target: unknown }>>;
  };
  const found = new Set<string>();
  for (const metadatas of storage.validationMetadatas.values())
    for (const meta of metadatas) {
      const className = typeof meta.target === 'function' ? meta.target.name : '';
      if (meta.name !== IS_OPTIONAL || !names.has(className)) continue;
      const property = (components[className]?.properties as Json | undefined)?.[meta.propertyName];
      if (isObject(property) && property.nullable !== true) found.add(`${className}.${meta.propertyName}`);
    }
  return [...found].sort();
}

interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: unknown }>;
}

/**
 * A JSON body whose class requires no field may be left out: the service reads a missing body as
 * `{}` and accepts it (found by fuzzing: PATCH /labs/{id}, PUT …/qualification and POST
 * /custody/verifications without a body answered 2xx where the document said a body is required).
 */
function bodyOptionalWhenNothingRequired(
  operation: { requestBody?: RequestBody },
  components: Record<string, Json>,
): void {
  const body = operation.requestBody;
  const schema = body?.content?.['application/json']?.schema;
  if (!body?.required || !isObject(schema)) return;
  const target = components[referencedName(schema) ?? ''];
  if (!isObject(target) || target[RULES_EXTENSION] !== undefined) return;
  if (((target.required as string[] | undefined) ?? []).length === 0) body.required = false;
}

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
    if (rule) applyClassRule(schema, rule, rules);
  }
  addReferencedClasses(document, components, rules);
  for (const [name, schema] of Object.entries(components))
    if (isObject(schema)) stateRuleAcrossFields(schema, name);

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
      bodyOptionalWhenNothingRequired(operation as { requestBody?: RequestBody }, components);
      for (const parameter of operation.parameters ?? []) statePlainTextRule(parameter.schema);
      statePlainTextRule((operation as { requestBody?: unknown }).requestBody);
    }
  }
  statePlainTextRule(components);
  return document;
}
