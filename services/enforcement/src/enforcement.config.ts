import {
  envBool,
  envInt,
  ForbiddenInProduction,
  RequiredInProduction,
  SecretInProduction,
  ServiceConfig,
} from '@qis/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import {
  CITY_SELLER_OUTSIDE_PLATFORM_ROUTES,
  PROVINCE_SELLER_OUTSIDE_PLATFORM_ROUTES,
  type CitySellerOutsidePlatformRoute,
  type ProvinceSellerOutsidePlatformRoute,
} from './routing/routing-policy';

const emptyAsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

export class EnforcementConfig extends ServiceConfig {
  override HTTP_PORT = 7105;
  override DB_NAME = 'qis_enforcement';

  /** How often the deadline scheduler looks for deadlines that passed. */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  @Max(3_600_000)
  DEADLINE_SCAN_INTERVAL_MS = 60_000;

  /** JSON file of the authority directory (homeAreaCode + authorities); unset: Hangzhou's built-in one. */
  @IsOptional()
  @IsString()
  @Transform(emptyAsUnset)
  AUTHORITY_DIRECTORY_FILE?: string = undefined;

  /**
   * Seed 003 §2(3) with §7: a seller registered elsewhere in the province selling through a platform
   * registered outside the city is handed over "依照浙江省工商局的要求" — as the provincial bureau
   * requires. `provincial-bureau` (default: to the province's bureau, which assigns it),
   * `seller-city-authority` (to the bureau of the seller's city) or `platform-authority` (to the
   * authority where the platform operator is registered). Routing row `province-seller-outside-platform`.
   */
  @IsIn(PROVINCE_SELLER_OUTSIDE_PLATFORM_ROUTES, {
    message: `must be one of ${PROVINCE_SELLER_OUTSIDE_PLATFORM_ROUTES.join(', ')}`,
  })
  ROUTING_PROVINCE_SELLER_OUTSIDE_PLATFORM: ProvinceSellerOutsidePlatformRoute = 'provincial-bureau';

  /**
   * A seller registered in the city selling through a platform registered outside it (003 §2(1)).
   * `platform-authority` (default: §7 read literally, a platform sale goes to the authority of the
   * platform operator's registered place — its city's, else its province's — with a transfer
   * letter, 网监办 copied) or `seller-district` (the bureau keeps its own seller: the seller's
   * district bureau, 网监办 copied). Routing row `city-seller-outside-platform`.
   */
  @IsIn(CITY_SELLER_OUTSIDE_PLATFORM_ROUTES, {
    message: `must be one of ${CITY_SELLER_OUTSIDE_PLATFORM_ROUTES.join(', ')}`,
  })
  ROUTING_CITY_SELLER_OUTSIDE_PLATFORM: CitySellerOutsidePlatformRoute = 'platform-authority';

  /**
   * Development and test: let an admin move enforcement's clock forward (`POST /ops/clock`) so the
   * legal clocks run out without back-dated records. Production refuses to start with it set.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : envBool({ value })))
  @IsBoolean({ message: 'must be true or false' })
  @ForbiddenInProduction('the legal clocks must run on real time; unset it')
  CLOCK_OVERRIDE_ENABLED?: boolean = undefined;

  /** Calendar days an authority has to close a routed case before an overdue alert. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CASE_DUE_DAYS = 30;

  /**
   * Base URL of the evidence service; when set, every notice's PDF is stored there (kind `notice`)
   * by a retrying background step, with a service token (below).
   */
  @IsOptional()
  @Transform(emptyAsUnset)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @RequiredInProduction("without it notices are never stored as evidence (the evidence service's base URL)")
  EVIDENCE_URL?: string = undefined;

  /** Development and test: sign service tokens with this PEM (PKCS#8) private key of the local issuer. */
  @IsOptional()
  @Transform(emptyAsUnset)
  @IsString()
  @ForbiddenInProduction(
    'self-signed service tokens are for development; use SERVICE_TOKEN_URL (client credentials)',
  )
  SERVICE_TOKEN_PRIVATE_KEY_FILE?: string = undefined;

  /** Production: OAuth2 token endpoint for the client-credentials grant (Keycloak: `…/openid-connect/token`). */
  @IsOptional()
  @Transform(emptyAsUnset)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @RequiredInProduction(
    "the identity provider's token endpoint, for the service token notices are stored with",
  )
  SERVICE_TOKEN_URL?: string = undefined;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsString()
  @RequiredInProduction('the client of the service token (client credentials)')
  SERVICE_TOKEN_CLIENT_ID?: string = undefined;

  /** The client secret: from the environment or a secret store only, never logged. */
  @IsOptional()
  @Transform(emptyAsUnset)
  @IsString()
  @SecretInProduction()
  SERVICE_TOKEN_CLIENT_SECRET?: string = undefined;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsString()
  SERVICE_TOKEN_SCOPE?: string = undefined;

  /**
   * From this day of the year (MM-DD, Asia/Shanghai) a `calendar-year-missing` alert names the
   * next year while its holiday schedule is not known (the State Council publishes it each autumn).
   */
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a day of the year as MM-DD' })
  CALENDAR_MISSING_YEAR_ALERT_FROM = '11-01';

  /** How often notice PDFs not yet stored as evidence are (re)tried. */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  @Max(3_600_000)
  NOTICE_STORE_INTERVAL_MS = 10_000;
}
