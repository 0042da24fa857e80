export { ConfigError, loadConfig } from './load-config';
export { ObjectStoreConfig, ServiceConfig } from './service.config';
