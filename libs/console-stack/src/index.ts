export * from './console-proxy';
export * from './console-realm';
export * from './demo-users';
export * from './keycloak-admin';
export * from './test-realm';
