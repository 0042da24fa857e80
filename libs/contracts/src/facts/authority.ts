import { Describe, IsAreaCode, IsOneOf, IsText } from '../conventions/decorators';
import { AUTHORITY_KINDS, type AuthorityKind } from '../conventions/vocabulary';

/** An enforcement authority a case is routed or copied to. */
export class Authority {
  @IsOneOf(AUTHORITY_KINDS)
  kind!: AuthorityKind;

  @IsAreaCode()
  @Describe('area code of its jurisdiction')
  areaCode!: string;

  @IsText()
  name!: string;
}
