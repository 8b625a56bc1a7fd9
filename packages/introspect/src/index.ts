export { snapshotHash } from './hash.js';
export { type Catalog, introspect, introspectCatalog } from './introspect.js';
export { type NotModelled, objectsNotModelled } from './not-modelled.js';
export type { IntrospectOptions } from './options.js';
export { introspectWithin } from './within.js';
