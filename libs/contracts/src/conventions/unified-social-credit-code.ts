import { ValidateBy, type ValidationOptions } from 'class-validator';
import { UNIFIED_SOCIAL_CREDIT_CODE } from './patterns';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character (the 18th) of the first 17 characters. */
export function unifiedSocialCreditCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * The OpenAPI `format` of a unified social credit code: the pattern states the alphabet and the
 * length, but the check character is more than JSON Schema can state, so the format names the rule
 * (tools/openapi/README.md; the fuzzer's generator is tools/openapi/schemathesis_hooks.py).
 */
export const CREDIT_CODE_FORMAT = 'unified-social-credit-code';

/** Pattern and check character: a mistyped code must not reach routing or the credit file. */
export function isUnifiedSocialCreditCode(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    UNIFIED_SOCIAL_CREDIT_CODE.test(value) &&
    unifiedSocialCreditCheckCharacter(value.slice(0, 17)) === value[17]
  );
}

export const IS_UNIFIED_SOCIAL_CREDIT_CODE = 'isUnifiedSocialCreditCode';

export function HasCreditCodeCheckCharacter(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_UNIFIED_SOCIAL_CREDIT_CODE,
      validator: {
        validate: (value) => isUnifiedSocialCreditCode(value),
        defaultMessage: () => '$property must be a unified social credit code with a valid check character',
      },
    },
    options,
  );
}
