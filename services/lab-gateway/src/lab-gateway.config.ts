import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUrl, Max, Min, ValidateBy } from 'class-validator';
import { envBool, envInt, ForbiddenInProduction, RequiredInProduction, ServiceConfig } from '@qis/config';

export class LabGatewayConfig extends ServiceConfig {
  override HTTP_PORT = 7104;
  override DB_NAME = 'qis_lab_gateway';

  /**
   * Worker processes behind the one port (Node's cluster; 1 = this process serves alone): about
   * one a core. Each worker is the whole service, its Kafka consumer and relay too (bootstrapInWorkers).
   */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(64)
  @ValidateBy({
    name: 'oneWorkerWithMovableClock',
    validator: {
      validate: (value: unknown, args) =>
        value === 1 || (args?.object as LabGatewayConfig).CLOCK_OVERRIDE_ENABLED !== true,
      defaultMessage: () =>
        'must be 1 with CLOCK_OVERRIDE_ENABLED=true: each worker would keep its own moved clock',
    },
  })
  HTTP_WORKERS = 1;

  /** How often the overdue scan looks for assignments past their due date. */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OVERDUE_SCAN_INTERVAL_MS = 60_000;

  /** How often samples waiting for a lab are drawn again (also at once after a registry change). */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WAITING_DISPATCH_RETRY_MS = 60_000;

  /**
   * Base URL of the evidence service; when set, a report's signed PDF is checked there (exists,
   * finalized, kind lab-report, the assignment's batch) with the lab's own token.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @RequiredInProduction(
    "without it a lab report's signed PDF is accepted unchecked (the evidence service's base URL)",
  )
  EVIDENCE_URL?: string = undefined;

  /**
   * Development and test: let an admin move the gateway's clock forward (`POST /ops/clock`), in
   * step with enforcement's, so the demo's legal periods run out on both without back-dated
   * records. Production refuses to start with it set.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : envBool({ value })))
  @IsBoolean({ message: 'must be true or false' })
  @ForbiddenInProduction('dispatch and receipt times must be real time; unset it')
  CLOCK_OVERRIDE_ENABLED?: boolean = undefined;

  /**
   * The lab sandbox (integrators' test labs): sandbox labs may be registered, are never drawn for
   * real samples, and their users get synthetic assignments to accept and report on
   * (POST /v1/sandbox/assignments) that touch no real batch and publish nothing. Never in production.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : envBool({ value })))
  @IsBoolean({ message: 'must be true or false' })
  @ForbiddenInProduction('synthetic assignments and sandbox labs have no place beside real samples; unset it')
  LAB_SANDBOX_ENABLED?: boolean = undefined;
}
