import * as schema from '@justscale/schema';
import { expect, it } from 'vitest';

it('loads from source', () => {
  expect(typeof schema).toBe('object');
});
