export {
  bootstrapService,
  configOrExit,
  migrateOnly,
  MIGRATE_ONLY_ARG,
  type BootstrapOptions,
  type RunningService,
} from './bootstrap';
export { bootstrapInWorkers } from './cluster';
export {
  BatchDeadlineView,
  BatchNumberParams,
  BatchStagesView,
  BatchStageView,
  EvidenceRefView,
} from './http/batch-stages.view';
export { openApiDocument, renderOpenApiDocument } from './http/openapi';
export { HttpErrorFilter } from './http/exception.filter';
export { strictValidationPipe } from './http/validation';
export type { DocumentedPipe } from './http/validation-schemas';
export { optionalFieldsTakingNull } from './http/validation-schemas';
export { loggerParams, REDACTED_PATHS, requestId, serializeError } from './logging';
export { OpsProbeReceipt } from './ops-probe/ops-probe-receipt.entity';
export { RuntimeModule } from './runtime.module';
export {
  CONSUMER_GROUP,
  defaultConsumerGroup,
  SERVICE_CONFIG,
  SERVICE_DEFINITION,
  type OpenApiLink,
  type ServiceDefinition,
} from './service-definition';
export { serveMetrics, ServiceMetrics, sqlGauge } from './metrics/service-metrics';
export { AdvanceClockCommand, clockController, ClockView } from './clock/clock.controller';
export { ServiceClock } from './clock/service-clock';
