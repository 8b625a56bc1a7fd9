export * from './core.js';
export { fieldSchema, insertSchema, type SchemaOptions, selectSchema } from './zod.js';
