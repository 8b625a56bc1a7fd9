import {
  type Hazard,
  type HazardKind,
  type ObjectRef,
  type Operation,
  objectRef,
  type Snapshot,
} from '@justscale/schema';
import { DependencyCycleError } from './errors.js';
import { bodyEdges } from './graph/bodies.js';
import { type Dependencies, dependenciesOf } from './graph/derived.js';
import { buildEdges, sortVertices } from './graph/order.js';
import type { Note, RenameHint } from './types.js';
import { qkey } from './util.js';

/**
 * The plan's phases, top to bottom. Operations run phase by phase; inside a phase, in the order the
 * differ emitted them (which is itself dependency order where it matters: parents before partitions,
 * views after the views they read, drops of views in reverse).
 */
export const Phase = {
  renames: 1,
  dropTriggers: 2,
  dropRules: 2.5,
  dropViews: 3,
  dropPolicies: 4,
  dropForeignKeys: 5,
  dropIndexes: 6,
  dropConstraints: 7,
  disownSequences: 8,
  detachPartitions: 9,
  dropTables: 10,
  dropColumns: 11,
  dropRecreatedFunctions: 12,
  dropRecreatedTypes: 13,
  createSchemas: 14,
  extensions: 15,
  collations: 15.5,
  enums: 16,
  enumValues: 17,
  domains: 18,
  compositeTypes: 19,
  functions: 20,
  sequences: 21,
  createTables: 22,
  alterTables: 23,
  enumSwap: 24,
  afterEnumSwap: 25,
  addConstraints: 26,
  createIndexes: 27,
  addForeignKeys: 28,
  sequenceOwnership: 29,
  sqlFunctions: 29.5,
  createViews: 30,
  createViewIndexes: 31,
  createTriggers: 32,
  createRules: 32.5,
  policies: 33,
  comments: 34,
  grants: 35,
  dropSequences: 36,
  dropFunctions: 37,
  dropTypes: 38,
  dropCollations: 38.5,
  dropExtensions: 39,
  dropSchemas: 40,
} as const;
export type PhaseNumber = (typeof Phase)[keyof typeof Phase];

/** What the differ knows about a statement beyond what the compiler says. */
export interface Adjust {
  /** Hazards to add (kept once per kind). */
  readonly add?: readonly Hazard[];
  /** Hazard kinds the differ knows do not apply (e.g. no rewrite for varchar(10) → varchar(20)). */
  readonly remove?: readonly HazardKind[];
  /** Forces `transactional` (enum ADD VALUE is planned outside a transaction, see README). */
  readonly transactional?: boolean;
}

export interface Step {
  readonly op: Operation;
  readonly phase: PhaseNumber;
  readonly seq: number;
  readonly adjust: Adjust | undefined;
}

export interface Resolved {
  readonly online: boolean;
  readonly renames: readonly RenameHint[];
  readonly serverVersion: number | undefined;
  readonly lockTimeout: string | undefined;
  readonly statementTimeout: string | undefined;
}

/** The state one `diff` call shares between the families. */
export class Builder {
  readonly steps: Step[] = [];
  readonly notes: Note[] = [];
  private seq = 0;
  /** Tables (qkey) dropped by the plan. */
  readonly droppedTables = new Set<string>();
  /** Tables (qkey) identical on both sides: nothing inside them is compared again. */
  readonly unchangedTables = new Set<string>();
  /** Tables (qkey) created by the plan. */
  readonly createdTables = new Set<string>();
  /** Views (qkey) dropped by the plan (removed or recreated). */
  readonly droppedViews = new Set<string>();
  /** Functions (qkey, by name) dropped and created again. */
  readonly recreatedFunctions = new Set<string>();
  /**
   * Routines (qkey + NUL + identity arguments) that take or return a composite type the plan drops
   * and creates again: dropped before it and created again after, unchanged.
   */
  readonly typeBoundFunctions = new Set<string>();
  /** Columns (tkey) dropped by the plan, with their table. */
  readonly droppedColumns = new Set<string>();
  /** Columns (tkey) dropped and added again: indexes and constraints on them are recreated. */
  readonly recreatedColumns = new Set<string>();
  /** Columns (tkey) converted by an enum rebuild, which also takes care of their default. */
  readonly enumRebuildColumns = new Set<string>();
  /** Enums (qkey) rebuilt by the plan: new uses of them wait until the new type has the old name. */
  readonly rebuiltEnums = new Set<string>();
  /** Primary keys and unique constraints or indexes dropped: `qkey(table) + NUL + columns`. */
  readonly droppedKeys = new Set<string>();

  constructor(
    readonly options: Resolved,
    readonly current: Snapshot,
    readonly desired: Snapshot,
  ) {}

  #deps: { readonly current: Dependencies; readonly desired: Dependencies } | undefined;
  /**
   * What each object depends on, on each side of the plan: recorded by PostgreSQL, or for a
   * snapshot built from models, carried over from the other side, structural and guessed
   * (`graph/derived.ts`).
   */
  get deps(): { readonly current: Dependencies; readonly desired: Dependencies } {
    this.#deps ??= {
      current: dependenciesOf(this.current, this.desired),
      desired: dependenciesOf(this.desired, this.current),
    };
    return this.#deps;
  }

  /**
   * What `r` (named as the plan's renames leave it) depends on in the current database. Recorded
   * dependencies name objects as the database has them, before the renames: both names are asked.
   */
  currentDependencies(r: ObjectRef): readonly ObjectRef[] {
    const recorded = this.beforeRenames(r);
    const on = this.deps.current.on(r);
    return recorded === r ? on : [...on, ...this.deps.current.on(recorded)];
  }

  /** `r` under the names it had before the plan's table, view and column renames. */
  private beforeRenames(r: ObjectRef): ObjectRef {
    const onRelation = r.kind === 'column' || r.kind === 'default' || r.kind === 'table' || r.kind === 'view';
    const relation = onRelation ? r.name : r.table;
    if (relation === undefined) return r;
    let old = relation;
    let column = r.column;
    for (const { op } of this.steps) {
      if (op.kind === 'renameTable' && op.table.schema === r.schema && op.to === relation)
        old = op.table.name;
      if (op.kind === 'renameView' && op.view.schema === r.schema && op.to === relation) old = op.view.name;
    }
    for (const { op } of this.steps) {
      if (
        op.kind === 'renameColumn' &&
        op.table.schema === r.schema &&
        (op.table.name === relation || op.table.name === old) &&
        op.to === column
      )
        column = op.from;
    }
    if (old === relation && column === r.column) return r;
    return objectRef(r.kind, r.schema, onRelation ? old : r.name, {
      ...(onRelation ? {} : { table: old }),
      ...(column === undefined ? {} : { column }),
      ...(r.arguments === undefined ? {} : { arguments: r.arguments }),
    });
  }

  /**
   * Whether an object (a default, a check or exclusion, an index, a policy) depends, on either side
   * of the plan, on something the plan drops and creates again: a rebuilt enum (a cast to it, a
   * constant of it) or a recreated routine (known by name: every overload counts). It is dropped
   * before and created again after, or PostgreSQL refuses the drop or the conversion.
   */
  dependsOnRecreated(ref: ObjectRef): boolean {
    if (this.rebuiltEnums.size === 0 && this.recreatedFunctions.size === 0) return false;
    const hit = (on: ObjectRef): boolean =>
      (on.kind === 'type' && this.rebuiltEnums.has(qkey(on))) ||
      (on.kind === 'function' && this.recreatedFunctions.has(qkey(on)));
    return this.currentDependencies(ref).some(hit) || this.deps.desired.on(ref).some(hit);
  }

  /** Whether `type` is an enum the plan rebuilds: columns of it are added after the swap. */
  usesRebuiltEnum(type: { schema: string; name: string }): boolean {
    return this.rebuiltEnums.size > 0 && this.rebuiltEnums.has(`${type.schema}\u0000${type.name}`);
  }

  add(phase: PhaseNumber, op: Operation, adjust?: Adjust): void {
    this.steps.push({ op, phase, seq: this.seq++, adjust });
  }

  note(kind: Note['kind'], message: string): void {
    this.notes.push(Object.freeze({ kind, message }));
  }

  /**
   * The steps in plan order: a topological sort of the dependency graph (see `graph/order.ts`),
   * today's phases as the tie-breaker.
   */
  ordered(): Step[] {
    const byPhase = [...this.steps].sort((a, b) => a.phase - b.phase || a.seq - b.seq);
    const { current, desired } = this.deps;
    const recorded = buildEdges(byPhase, this.current, this.desired, {
      current: current.hard,
      desired: desired.hard,
    });
    const soft = current.guessed.length + desired.guessed.length > 0;
    const guessed = [
      ...(soft
        ? buildEdges(byPhase, this.current, this.desired, {
            current: current.guessed,
            desired: desired.guessed,
          })
        : []),
      ...bodyEdges(byPhase),
    ];
    if (guessed.length > 0) {
      try {
        return sortVertices(byPhase, [...recorded, ...guessed]);
      } catch (error) {
        if (!(error instanceof DependencyCycleError)) throw error;
      }
    }
    return sortVertices(byPhase, recorded);
  }
}
