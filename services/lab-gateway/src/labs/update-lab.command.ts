import { OmitType, PartialType } from '@nestjs/swagger';
import { RegisterLabCommand } from './register-lab.command';

/** Any registry field; accreditation renewals, scope changes, capacity, deactivation. Contracts have their own routes. */
export class UpdateLabCommand extends PartialType(
  OmitType(RegisterLabCommand, ['sandbox', 'contract'] as const),
  {
    // A field left out is kept; null is no value for any of them (it was a 500: NOT NULL).
    skipNullProperties: false,
  },
) {}
