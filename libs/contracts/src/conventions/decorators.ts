import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { JSONSchema as JsonSchemaDecorator } from 'class-validator-jsonschema';
import { getMetadataSchema } from 'class-validator-jsonschema/build/decorators';
import {
  AREA_CODE,
  BATCH_NUMBER,
  CALENDAR_DATE,
  CATEGORY_CODE,
  DOCUMENT_CODE,
  EXTERNAL_ID,
  PLATFORM_CODE,
  REPORT_NUMBER,
  UNIFIED_SOCIAL_CREDIT_CODE,
  UTC_TIMESTAMP,
} from './patterns';
import { HasCreditCodeCheckCharacter } from './unified-social-credit-code';

/**
 * Field decorators for the conventions every contract shares. Each is made of plain
 * class-validator decorators, so class-validator-jsonschema turns it into a precise schema.
 */
const compose =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

interface SchemaFragment {
  description?: string;
  format?: string;
  examples?: string[];
}

/**
 * Extra schema keywords for the generator, merged with those already set (the library keeps only
 * the last). Decorators apply bottom-up, so a `@Describe` written below a convention decorator
 * comes first in the description: the specific meaning, then the generic format.
 */
const JSONSchema =
  (fragment: SchemaFragment): PropertyDecorator =>
  (target, property) => {
    const earlier = getMetadataSchema(target, String(property)) as SchemaFragment;
    const description = [earlier.description, fragment.description].filter((d) => d !== undefined).join('; ');
    JsonSchemaDecorator({ ...fragment, ...earlier, ...(description ? { description } : {}) })(
      target,
      String(property),
    );
  };

/** A description (English, with the Chinese term where helpful) for the generated schema. */
export const Describe = (description: string): PropertyDecorator => JSONSchema({ description });

/**
 * A property that may be left out, but is never null: IsOptional lets null through to the
 * property's other checks unexamined (found by fuzzing: a claimed lot number of null was stored and
 * answered against the schema).
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_, value: unknown) => value !== undefined);

export const IsBatchNumber = (): PropertyDecorator =>
  compose(IsString(), Matches(BATCH_NUMBER), JSONSchema({ examples: ['HZ2026-000123'] }));

/** An instant in UTC, ISO-8601 with `Z`; local times (Asia/Shanghai) are a display concern. */
export const IsUtcTimestamp = (): PropertyDecorator =>
  compose(
    IsString(),
    Matches(UTC_TIMESTAMP),
    IsISO8601({ strict: true }),
    JSONSchema({ format: 'date-time' }),
  );

export const IsCalendarDate = (): PropertyDecorator =>
  compose(IsString(), Matches(CALENDAR_DATE), IsISO8601({ strict: true }), JSONSchema({ format: 'date' }));

export const IsAreaCode = (): PropertyDecorator =>
  compose(IsString(), Matches(AREA_CODE), JSONSchema({ description: 'GB/T 2260 area code (行政区划代码)' }));

export const IsCreditCode = (): PropertyDecorator =>
  compose(
    IsString(),
    Matches(UNIFIED_SOCIAL_CREDIT_CODE),
    HasCreditCodeCheckCharacter(),
    JSONSchema({
      description: 'GB 32100 unified social credit code (统一社会信用代码), check character verified',
    }),
  );

/** Money in integer fen (分): no floating-point rounding between services. */
export const IsFen = (): PropertyDecorator =>
  compose(
    IsInt(),
    Min(0),
    Max(Number.MAX_SAFE_INTEGER),
    JSONSchema({ description: 'amount in fen (分, 0.01 CNY)' }),
  );

export const IsCount = (min = 0): PropertyDecorator => compose(IsInt(), Min(min), Max(1_000_000_000));

export const IsPlatformCode = (): PropertyDecorator =>
  compose(IsString(), Matches(PLATFORM_CODE), JSONSchema({ examples: ['taobao'] }));

export const IsExternalId = (): PropertyDecorator => compose(IsString(), Matches(EXTERNAL_ID));

export const IsCategoryCode = (): PropertyDecorator =>
  compose(IsString(), Matches(CATEGORY_CODE), JSONSchema({ examples: ['silk-quilt'] }));

export const IsDocumentCode = (): PropertyDecorator => compose(IsString(), Matches(DOCUMENT_CODE));

export const IsReportNumber = (): PropertyDecorator => compose(IsString(), Matches(REPORT_NUMBER));

export const IsText = (max = 200): PropertyDecorator => compose(IsString(), MinLength(1), MaxLength(max));

export const IsTextList = (maxItems = 50, maxLength = 200): PropertyDecorator =>
  compose(
    IsArray(),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(maxLength, { each: true }),
    ArrayMaxSize(maxItems),
  );

export const IsHttpUrl = (): PropertyDecorator =>
  compose(
    IsString(),
    MaxLength(2048),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
    JSONSchema({ format: 'uri' }),
  );

export const IsId = (): PropertyDecorator => compose(IsUUID('all'), JSONSchema({ format: 'uuid' }));

export const IsOneOf = (values: readonly string[]): PropertyDecorator => IsIn([...values]);

export const IsFlag = (): PropertyDecorator => IsBoolean();
