import { isUnifiedSocialCreditCode } from '@qis/contracts';
import { ValidateBy } from 'class-validator';

/** GB 32100 unified social credit code with its check character verified. */
export const IsCreditCode = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCreditCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isUnifiedSocialCreditCode(value),
      defaultMessage: () =>
        '$property must be an 18-character unified social credit code with a valid check character',
    },
  });
