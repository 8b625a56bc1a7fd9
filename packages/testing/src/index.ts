export { CONTAINER_IMAGE } from './container.js';
export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testDatabaseSource,
} from './create-test-database.js';
export { dockerEndpoint, pingDocker } from './docker.js';
export { pgliteExtensionModule } from './pglite.js';
export { createPgliteDataDir } from './pglite-template.js';
export {
  commandOnPath,
  isCi,
  type PrerequisiteOptions,
  requirePrerequisites,
  type SkippableTest,
} from './prerequisites.js';
export { createRawClient, type RawClient, type RawClientKind } from './raw-client.js';
export { type SourceProbes, selectTestSource, type TestSource, type TestTarget } from './select-source.js';
export { withDatabase } from './server.js';
