import { IsOptional } from 'class-validator';
import {
  Describe,
  IsAreaCode,
  IsCreditCode,
  IsHttpUrl,
  IsPlatformCode,
  IsText,
} from '../conventions/decorators';

/** The third-party platform a sample was bought on (第三方交易平台) and its operator. */
export class PlatformFacts {
  @IsPlatformCode()
  code!: string;

  @IsText()
  @Describe('platform name, e.g. 淘宝')
  name!: string;

  @IsHttpUrl()
  url!: string;

  @IsText()
  @Describe('platform operator (平台经营者)')
  operatorName!: string;

  @IsOptional()
  @IsCreditCode()
  operatorUnifiedSocialCreditCode?: string;

  @IsOptional()
  @IsAreaCode()
  @Describe("district of the operator's registered address: a platform sale is routed there")
  operatorRegisteredAreaCode?: string;
}
