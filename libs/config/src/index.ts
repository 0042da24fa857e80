export { ConfigError, loadConfig } from './load-config';
export { envBool, envInt, ObjectStoreConfig, ServiceConfig } from './service.config';
