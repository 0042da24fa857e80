import { isUnifiedSocialCreditCode } from '@qis/contracts';
import { ValidateBy } from 'class-validator';

/** GB 32100 unified social credit code with its check character. */
export const IsCreditCode = (): PropertyDecorator =>
  ValidateBy({
    name: 'isUnifiedSocialCreditCode',
    validator: {
      validate: (value) => isUnifiedSocialCreditCode(value),
      defaultMessage: () => '$property must be a unified social credit code with a valid check character',
    },
  });
