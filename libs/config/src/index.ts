export { ConfigError, loadConfig } from './load-config';
export { envBool, envInt, ObjectStoreConfig, ServiceConfig } from './service.config';
export { TracingConfig } from './tracing.config';
export {
  ForbiddenInProduction,
  productionRefusals,
  RequiredInProduction,
  SecretInProduction,
} from './production-guard';
