import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  type MetadataStorage,
  type ValidationArguments,
  type ValidationError,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';
import { memoizeValidationMetadata, rulesGeneration } from './validation-metadata-cache';

type Metadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** A rule of a property, with its validator instance resolved once. */
interface Rule {
  metadata: Metadata;
  validators: ValidatorConstraintInterface[];
  /** A rule class-validator's `validateSync` skips (async), so the plan cannot answer for it. */
  async: boolean;
}

interface PropertyPlan {
  name: string;
  /** `@ValidateIf`, `@IsOptional`: all must hold for the property's other rules to run. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  /** `@IsDefined` and the custom rules (every built-in decorator is one), in class-validator's order. */
  rules: Rule[];
  nested: Metadata[];
  /** A promise rule (`@ValidatePromise`): left to class-validator. */
  promised: boolean;
}

interface ClassPlan {
  /** Every property with any metadata (whitelist). */
  known: Set<string>;
  properties: PropertyPlan[];
}

/** The answer of the plan: valid, invalid, or a case it leaves to class-validator. */
type Verdict = boolean | undefined;

const storage = getMetadataStorage();
memoizeValidationMetadata(storage);

interface Planned {
  generation: number;
  metadatas: readonly Metadata[];
  plan: ClassPlan;
}

// A class's plan is kept per schema name (class-validator looks a nested object's rules up under
// its parent's name) for as long as no rule is registered; then it is made again.
const plans = new WeakMap<object, Map<string | undefined, Planned>>();

function plannedFor(target: unknown, schema: string | undefined): Planned {
  const generation = rulesGeneration(storage);
  const bySchema = typeof target === 'function' ? plans.get(target) : undefined;
  const found = bySchema?.get(schema);
  if (found && found.generation === generation) return found;
  const metadatas = storage.getTargetValidationMetadatas(
    target as () => void,
    schema as string,
    false,
    false,
  );
  const planned = { generation, metadatas, plan: planOf(metadatas) };
  if (typeof target === 'function') {
    if (bySchema) bySchema.set(schema, planned);
    else plans.set(target, new Map([[schema, planned]]));
  }
  return planned;
}

function planOf(metadatas: readonly Metadata[]): ClassPlan {
  const byProperty = new Map<string, PropertyPlan>();
  for (const metadata of metadatas) {
    let property = byProperty.get(metadata.propertyName);
    if (!property) {
      property = { name: metadata.propertyName, conditions: [], rules: [], nested: [], promised: false };
      byProperty.set(metadata.propertyName, property);
    }
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
        break;
      case ValidationTypes.NESTED_VALIDATION:
        property.nested.push(metadata);
        break;
      case ValidationTypes.PROMISE_VALIDATION:
        property.promised = true;
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
        property.rules.push({
          metadata,
          validators: constraints.map((c) => c.instance as ValidatorConstraintInterface),
          async: constraints.some((c) => c.async),
        });
        break;
      }
      // WHITELIST (`@Allow`) only makes the property known.
    }
  }
  // class-validator runs `@IsDefined` before the other custom rules; validity does not depend on
  // the order, but a throwing rule would throw first there too.
  for (const property of byProperty.values())
    property.rules.sort(
      (a, b) =>
        Number(b.metadata.type === ValidationTypes.IS_DEFINED) -
        Number(a.metadata.type === ValidationTypes.IS_DEFINED),
    );
  return { known: new Set(byProperty.keys()), properties: [...byProperty.values()] };
}

const isCollection = (value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> =>
  Array.isArray(value) || value instanceof Set || value instanceof Map;

const isPromise = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';

function ruleHolds(rule: Rule, object: object, value: unknown): Verdict {
  if (rule.async) return undefined;
  const { metadata } = rule;
  const args: ValidationArguments = {
    targetName: object.constructor?.name,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  for (const validator of rule.validators) {
    const items =
      metadata.each && isCollection(value) ? [...(value instanceof Map ? value.values() : value)] : [value];
    for (const item of items) {
      const valid: unknown = validator.validate(item, args);
      if (isPromise(valid)) return undefined;
      if (!valid) return false;
    }
  }
  return true;
}

/** `ValidateNested` on one value: class-validator's `nestedValidations`, as a verdict. */
function nestedHolds(value: unknown, nested: readonly Metadata[], forbidUnknown: boolean): Verdict {
  if (value === undefined) return true;
  for (const metadata of nested) {
    let verdict: Verdict;
    if (isCollection(value)) {
      verdict = true;
      for (const item of value instanceof Map ? value.values() : value) {
        verdict = nestedHolds(item, nested, forbidUnknown);
        if (verdict !== true) break;
      }
    } else if (value instanceof Object) {
      const target = metadata.target as string | (new () => unknown);
      verdict = objectHolds(value, typeof target === 'string' ? target : target.name, forbidUnknown);
    } else verdict = false;
    if (verdict !== true) return verdict;
  }
  return true;
}

/**
 * class-validator's `execute` under whitelist and forbidNonWhitelisted, with forbidUnknownValues as
 * given (Nest's ValidationPipe turns it off unless told otherwise).
 */
function objectHolds(object: object, schema: string | undefined, forbidUnknown: boolean): Verdict {
  const { metadatas, plan } = plannedFor(object.constructor, schema);
  // An object of a class without rules: refused as an unknown value, or else valid when it has no
  // property (every property of it is one the whitelist forbids).
  if (metadatas.length === 0) return forbidUnknown ? false : Object.keys(object).length === 0;
  for (const key of Object.keys(object)) if (!plan.known.has(key)) return false;
  for (const property of plan.properties) {
    const value: unknown = (object as Record<string, unknown>)[property.name];
    if (property.promised && value instanceof Promise) return undefined;
    // Every condition is asked, as class-validator does (one may throw).
    let applies = true;
    for (const holds of property.conditions) applies = holds(object, value) && applies;
    if (!applies) continue;
    for (const rule of property.rules) {
      const verdict = ruleHolds(rule, object, value);
      if (verdict !== true) return verdict;
    }
    if (property.nested.length > 0) {
      const verdict = nestedHolds(value, property.nested, forbidUnknown);
      if (verdict !== true) return verdict;
    }
  }
  return true;
}

/**
 * The options the plan answers for: strict input (unknown properties refused), as the events and
 * the HTTP bodies are checked, with or without forbidUnknownValues. `validationError` only shapes
 * the errors, which class-validator makes.
 */
const answers = (options: ValidatorOptions): boolean => {
  const { whitelist, forbidNonWhitelisted, forbidUnknownValues, validationError, ...rest } = options;
  void validationError;
  void forbidUnknownValues;
  // Any other option set (groups, skipping, stopping at the first error…) is class-validator's.
  return (
    whitelist === true && forbidNonWhitelisted === true && Object.values(rest).every((v) => v === undefined)
  );
};

/**
 * Whether class-validator would find no error in `object` under `options`, when that can be told
 * without it: false means "ask class-validator" (the object may be invalid, or the case is one the
 * plan leaves to it), never "invalid".
 *
 * class-validator spends most of a valid object's check on bookkeeping, not on the rules: it
 * groups the class's rules by property on every call, makes an error object for every property
 * (valid or not), and finds each rule's validator instance by a linear search of every decorator
 * use in the process (`getFromContainer`). Valid input is nearly all of what a service checks
 * (every event it emits and consumes, every request body), so a plan per class, made once from
 * class-validator's own metadata with the instances resolved, runs the same rules in the same way
 * and answers "valid" alone. Async and promise rules, and other options, are left to class-validator.
 */
export function provenValid(object: object, options: ValidatorOptions): boolean {
  return answers(options) && objectHolds(object, undefined, options.forbidUnknownValues !== false) === true;
}

/**
 * class-validator's `validateSync`, with the answer for a valid object found without it
 * (`provenValid`); anything else goes to `validateSync`, which makes the errors as it always did.
 */
export function validateStrictly(object: object, options: ValidatorOptions): ValidationError[] {
  return provenValid(object, options) ? [] : validateSync(object, options);
}

/**
 * The plan's own verdict on an object under the strict options: true (valid), false (invalid), or
 * undefined (left to class-validator). For the tests that hold it to `validateSync`.
 */
export const planVerdict = (object: object, forbidUnknownValues = true): boolean | undefined =>
  objectHolds(object, undefined, forbidUnknownValues);
