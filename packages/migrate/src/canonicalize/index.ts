export { canonicalizeSnapshot } from './canonicalize.js';
