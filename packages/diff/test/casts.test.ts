import { builtinType, userType } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { typeChange } from '../src/index.js';

const b = builtinType;

describe('typeChange', () => {
  it.each([
    [
      'character varying(10)',
      'character varying(20)',
      { needsUsing: false, rewrites: false, mayFail: false },
    ],
    ['character varying(20)', 'character varying(10)', { needsUsing: false, rewrites: true, mayFail: true }],
    ['character varying(10)', 'character varying', { needsUsing: false, rewrites: false, mayFail: false }],
    ['character varying(10)', 'text', { needsUsing: false, rewrites: false, mayFail: false }],
    ['text', 'character varying', { needsUsing: false, rewrites: false, mayFail: false }],
    ['text', 'character varying(5)', { needsUsing: false, rewrites: true, mayFail: true }],
    ['numeric(10,2)', 'numeric(12,2)', { needsUsing: false, rewrites: false, mayFail: false }],
    ['numeric(10,2)', 'numeric(12,3)', { needsUsing: false, rewrites: true, mayFail: true }],
    ['numeric(10,2)', 'numeric', { needsUsing: false, rewrites: false, mayFail: false }],
    ['integer', 'bigint', { needsUsing: false, rewrites: true, mayFail: false }],
    ['bigint', 'integer', { needsUsing: false, rewrites: true, mayFail: true }],
    ['integer', 'text', { needsUsing: false, rewrites: true, mayFail: false }],
    ['text', 'integer', { needsUsing: true, rewrites: true, mayFail: true }],
    ['integer', 'boolean', { needsUsing: true, rewrites: true, mayFail: true }],
    ['text', 'jsonb', { needsUsing: true, rewrites: true, mayFail: true }],
    [
      'timestamp without time zone',
      'timestamp with time zone',
      { needsUsing: false, rewrites: true, mayFail: true },
    ],
    [
      'timestamp(3) with time zone',
      'timestamp(6) with time zone',
      { needsUsing: false, rewrites: false, mayFail: false },
    ],
    ['cidr', 'inet', { needsUsing: false, rewrites: false, mayFail: false }],
    ['character(5)', 'character(10)', { needsUsing: false, rewrites: true, mayFail: false }],
  ])('%s → %s', (from, to, expected) => {
    expect(typeChange(b(from), b(to))).toEqual(expected);
  });

  it('needs USING and rewrites for user types and array changes', () => {
    expect(typeChange(b('text'), userType('public', 'mood'))).toEqual({
      needsUsing: true,
      rewrites: true,
      mayFail: true,
    });
    expect(typeChange(b('integer'), b('integer', true)).needsUsing).toBe(true);
    expect(typeChange(b('integer', true), b('bigint', true)).needsUsing).toBe(true);
  });
});
