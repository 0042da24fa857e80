import { Describe, IsExternalId, IsPlatformCode } from '../conventions/decorators';

/** Key of complaints: where it came from + its id there, so a re-sent complaint lands on the same key. */
export class ComplaintKey {
  @IsPlatformCode()
  @Describe('source: a platform code, or `12315` style channel code such as `hotline-12315`')
  source!: string;

  @IsExternalId()
  @Describe("the complaint's id at its source")
  complaintId!: string;
}
