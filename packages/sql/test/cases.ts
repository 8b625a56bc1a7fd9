import type { Fixture } from './base.js';
import type { Case } from './case.js';
import { columnCases } from './cases-columns.js';
import { objectCases } from './cases-objects.js';
import { tableCases } from './cases-tables.js';

/** Every case, for one set of names. Titles are unique. */
export function allCases(f: Fixture): Case[] {
  return [...objectCases(f), ...tableCases(f), ...columnCases(f)];
}
