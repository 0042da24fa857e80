export { containerRuntimeAvailable } from './containers';
export { startEvidenceProcess, type EvidenceProcess } from './evidence-process';
export { expectEventually } from './expect-eventually';
export {
  openTransactions,
  startHeldHttpServer,
  type HeldHttpServer,
  type HeldRequest,
  type OpenTransaction,
} from './held-http-server';
export { endpoints, INFRA_VARIABLES, localInfraEnv, parseEnv, repoRoot, tcpReachable } from './infra-env';
export { createTestDatabase, pgAdminFromEnv, pgServerFromEnv, testDataSource, uniqueName } from './isolation';
export { freePort } from './free-port';
export { PrivateInfra, type ServerName } from './private-infra';
export { startTestService, type TestService } from './test-service';
export {
  fixtureEntry,
  identityKeyEnv,
  serviceEntry,
  spawnService,
  waitForReady,
  type ServiceProcess,
} from './service-process';
export { FixtureEvent, FixtureEventContract } from './fixtures/backbone/fixture-event';
export { describeServiceBasics } from './service-basics';
export {
  describeAccessMatrix,
  MATRIX_CALLERS,
  matrixSummary,
  runAccessMatrix,
  statusMeets,
  wrongScopeCaller,
  type Caller,
  type Expected,
  type AccessMatrixOptions,
  type MatrixCell,
} from './access-matrix';
export {
  runForeignScope,
  scopedRoutes,
  type ForeignScopeFixture,
  type ForeignScopeSetup,
  type ScopeCell,
  type ScopedCall,
} from './foreign-scope';
export { TestIssuer, type TestClaims } from './test-issuer';
export { deleteTopics, deleteTopicsWithPrefix, isAbandonedTestTopic } from './test-topics';
export {
  deleteTestPrincipals,
  ensureTestPrincipals,
  harnessLogin,
  servicePrincipalEnv,
} from './test-principals';
export { removeTestBucket } from './remove-test-bucket';
export { sendEvents } from './send-events';
export { startServiceStack, STAGE_SERVICES, type ServiceStack, type StageService } from './service-stack';
export { startOpensslTsa, type OpensslTsa } from './openssl-tsa';
export { dateInWords } from './date-in-words';
export {
  controllersWithDatabaseAccess,
  folderCycles,
  folderOf,
  importsLeaving,
  isTestFile,
  relativeImports,
  showImports,
  testSupportLeaks,
  type FolderImport,
} from './folder-dependencies';
