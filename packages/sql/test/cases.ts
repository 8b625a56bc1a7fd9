import type { Fixture } from './base.js';
import type { Case } from './case.js';
import { columnAttributeCases } from './cases-column-attributes.js';
import { columnCases } from './cases-columns.js';
import { miscCases } from './cases-misc.js';
import { objectCases } from './cases-objects.js';
import { otherCases } from './cases-others.js';
import { routineCases } from './cases-routines.js';
import { ruleCases } from './cases-rules.js';
import { storageCases } from './cases-storage.js';
import { tableCases } from './cases-tables.js';

/** Every case, for one set of names. Titles are unique. */
export function allCases(f: Fixture): Case[] {
  return [
    ...objectCases(f),
    ...tableCases(f),
    ...columnCases(f),
    ...otherCases(f),
    ...routineCases(f),
    ...miscCases(f),
    ...storageCases(f),
    ...columnAttributeCases(f),
    ...ruleCases(f),
  ];
}
