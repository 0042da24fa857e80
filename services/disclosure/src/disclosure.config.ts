import { ServiceConfig } from '@qis/config';
import { IsNotEmpty, IsString, Matches } from 'class-validator';

export class DisclosureConfig extends ServiceConfig {
  override HTTP_PORT = 7106;
  override DB_NAME = 'qis_disclosure';

  /**
   * GB/T 2260 code of the sampling bureau that publishes: only enforcement officers whose
   * jurisdiction covers it may correct or withdraw a publication.
   */
  @Matches(/^[1-8]\d{5}$/, { message: 'must be a six-digit GB/T 2260 area code' })
  DISCLOSURE_BUREAU_AREA_CODE = '330100';

  /** The bureau named on the public page (公示单位). */
  @IsString()
  @IsNotEmpty()
  DISCLOSURE_BUREAU_NAME = '杭州市市场监督管理局';
}
