import path from 'node:path';
import { register } from 'tsconfig-paths';

// Jest's global setup and teardown run outside its module map: resolve `@qis/<lib>` as the map
// does (jest.config.js moduleNameMapper), for the harness's Kafka login (@qis/messaging).
register({ baseUrl: path.join(__dirname, '../../..'), paths: { '@qis/*': ['libs/*/src'] } });
