import {
  builtinType,
  column,
  createCompositeType,
  createDomain,
  createEnum,
  createFunction,
  createIndex,
  createSchema,
  createSequence,
  createTable,
  createTrigger,
  createView,
  defaultSequenceOptions,
  type FunctionDef,
  type Index,
  index,
  type Operation,
  type QualifiedName,
  type Snapshot,
  snapshot,
  type Table,
  type Trigger,
  table,
  userType,
  type View,
} from '@justscale/schema';

// Expressions in the fixture quote names themselves, without the length check, so that the 64-byte
// fixture can be built and every operation shown to refuse it.
const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteQualified = (q: QualifiedName): string => `${quoteIdent(q.schema)}.${quoteIdent(q.name)}`;

/** Names for the roles objects play in the fixture: plain words for goldens, hostile ones otherwise. */
export type Names = (role: string) => string;

export const plainNames: Names = (role) => role;

const HOSTILE = ['a"b', 'a.b', 'Mixed Case', 'select', 'ünïcödé', '63 bytes'] as const;

/** A name of exactly `bytes` UTF-8 bytes starting with `prefix`, with multi-byte characters in it. */
export function nameOfBytes(prefix: string, bytes: number): string {
  let name = prefix;
  const size = (s: string): number => new TextEncoder().encode(s).length;
  while (size(name) + 2 <= bytes - 1) name += 'é';
  while (size(name) < bytes) name += 'x';
  return name;
}

const hash = (s: string): number => [...s].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7);

function hostile(kind: number, role: string, exact: boolean): string {
  const h = HOSTILE[kind % HOSTILE.length]!;
  if (h === '63 bytes') return nameOfBytes(`${role}_`, 63);
  return exact ? h : `${h} ${role}`;
}

// These roles take a hostile name as is (they live in different namespaces); the others add their role
// so that relations, types and constraints sharing a namespace do not collide.
const EXACT: Record<string, number> = { app: 0, email: 1, id: 2 };

/**
 * Hostile name sets: each role gets one of `a"b`, `a.b`, `Mixed Case`, `select`, `ünïcödé` or a
 * 63-byte name; the three sets rotate them, so every operation meets every kind of name.
 */
export const hostileNames: readonly { label: string; names: Names }[] = [0, 2, 4].map((offset) => ({
  label: `hostile set ${offset / 2 + 1}`,
  names: (role: string) =>
    role in EXACT
      ? hostile(offset + (EXACT[role] ?? 0), role, true)
      : hostile(offset + hash(role), role, false),
}));

/** Names with a 64-byte schema: every operation must refuse them. */
export const tooLongNames: Names = (role) => (role.startsWith('app') ? nameOfBytes(`${role}_`, 64) : role);

export interface Fixture {
  readonly n: Names;
  readonly schema: string;
  readonly q: (role: string) => QualifiedName;
  /** `"schema"."name"` of a role. */
  readonly sql: (role: string) => string;
  /** A quoted identifier of a role (for expressions). */
  readonly id: (role: string) => string;
  readonly users: Table;
  readonly teams: Table;
  readonly notes: Table;
  readonly events: Table;
  readonly events2024: Table;
  readonly emailIndex: Index;
  readonly notesIndex: Index;
  readonly view: View;
  readonly matview: View;
  readonly touch: FunctionDef;
  readonly add: FunctionDef;
  readonly trigger: Trigger;
  readonly snapshot: Snapshot;
  /** The operations that build the fixture, in order. */
  readonly setup: readonly Operation[];
}

export function fixture(n: Names): Fixture {
  const schema = n('app');
  const q = (role: string): QualifiedName => ({ schema, name: n(role) });
  const sql = (role: string): string => quoteQualified(q(role));
  const id = (role: string): string => quoteIdent(n(role));
  const int = builtinType('integer');
  const text = builtinType('text');

  const status = { ...q('status'), values: ['active', 'inactive'], comment: null };
  const positive = {
    ...q('positive'),
    type: int,
    collation: null,
    default: null,
    notNull: false,
    checks: [{ name: n('positive_check'), expression: '(VALUE > 0)' }],
    comment: null,
  };
  const pair = {
    ...q('pair'),
    attributes: [
      { name: n('x'), type: int, collation: null },
      { name: n('y'), type: text, collation: null },
    ],
    comment: null,
  };
  const counter = { ...q('counter'), ...defaultSequenceOptions('bigint'), ownedBy: null, comment: null };
  const teams = table({
    ...q('teams'),
    columns: [{ name: n('id'), type: int, notNull: true }],
    constraints: [
      {
        kind: 'primaryKey',
        name: n('teams_pkey'),
        columns: [n('id')],
        include: [],
        ...noDefer,
        comment: null,
      },
    ],
  });
  const users = table({
    ...q('users'),
    columns: [
      column({
        name: n('id'),
        type: int,
        notNull: true,
        identity: {
          generation: 'ALWAYS',
          sequence: { name: n('users_id_seq'), ...defaultSequenceOptions('integer') },
        },
      }),
      column({ name: n('email'), type: text, notNull: true, default: "'nobody'::text", comment: 'Login' }),
      column({ name: n('team_id'), type: int }),
      column({ name: n('status'), type: userType(schema, n('status')) }),
    ],
    constraints: [
      {
        kind: 'primaryKey',
        name: n('users_pkey'),
        columns: [n('id')],
        include: [],
        ...noDefer,
        comment: null,
      },
      {
        kind: 'check',
        name: n('users_team_check'),
        expression: `(${id('team_id')} > 0)`,
        noInherit: false,
        ...noDefer,
        comment: null,
      },
      {
        kind: 'foreignKey',
        name: n('users_team_fkey'),
        columns: [n('team_id')],
        references: { table: q('teams'), columns: [n('id')] },
        match: 'SIMPLE',
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        onDeleteColumns: null,
        ...noDefer,
        comment: null,
      },
    ],
    rowSecurity: true,
    policies: [
      {
        name: n('own'),
        permissive: true,
        command: 'ALL',
        roles: ['public'],
        using: 'true',
        withCheck: null,
        comment: null,
      },
    ],
    comment: 'People',
  });
  const notes = table({
    ...q('notes'),
    columns: [
      { name: n('id'), type: int, notNull: true },
      { name: n('body'), type: text, comment: 'The text' },
    ],
    constraints: [
      {
        kind: 'unique',
        name: n('notes_body_key'),
        columns: [n('body')],
        include: [],
        nullsNotDistinct: false,
        ...noDefer,
        comment: 'One of each',
      },
    ],
    comment: 'Notes',
  });
  const events = table({
    ...q('events'),
    columns: [
      { name: n('id'), type: int },
      { name: n('at'), type: builtinType('date') },
    ],
    partitionBy: `RANGE (${id('at')})`,
  });
  const events2024 = table({
    ...q('events_2024'),
    columns: [
      { name: n('id'), type: int },
      { name: n('at'), type: builtinType('date') },
    ],
    partitionOf: { parent: q('events'), bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
  });
  const emailIndex = index({ ...q('users_email_idx'), table: n('users'), keys: [{ column: n('email') }] });
  const notesIndex = index({ ...q('notes_id_idx'), table: n('notes'), keys: [{ column: n('id') }] });
  const viewBase = {
    columns: [],
    checkOption: null,
    securityBarrier: false,
    securityInvoker: false,
    columnComments: {},
    comment: null,
  } as const;
  const view: View = {
    ...q('active_users'),
    ...viewBase,
    materialized: false,
    definition: `SELECT ${id('id')}, ${id('email')} FROM ${sql('users')}`,
  };
  const matview: View = {
    ...q('user_counts'),
    ...viewBase,
    materialized: true,
    definition: `SELECT count(*) AS ${id('total')} FROM ${sql('users')}`,
  };
  const touch: FunctionDef = {
    ...q('touch'),
    kind: 'function',
    arguments: '',
    identityArguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'VOLATILE',
    strict: false,
    securityDefiner: false,
    leakproof: false,
    parallel: 'UNSAFE',
    config: [],
    body: 'BEGIN RETURN NEW; END',
    comment: null,
  };
  const add: FunctionDef = {
    ...touch,
    ...q('add'),
    arguments: `${id('a')} integer, ${id('b')} integer DEFAULT 1`,
    identityArguments: `${id('a')} integer, ${id('b')} integer`,
    returns: 'integer',
    language: 'sql',
    volatility: 'IMMUTABLE',
    body: `SELECT ${id('a')} + ${id('b')}`,
  };
  const trigger: Trigger = {
    schema,
    table: n('users'),
    name: n('users_touch'),
    timing: 'BEFORE',
    events: ['UPDATE'],
    updateColumns: [],
    level: 'ROW',
    when: null,
    function: q('touch'),
    arguments: [],
    constraint: false,
    deferrable: false,
    initiallyDeferred: false,
    comment: null,
  };
  const snap = snapshot({
    schemas: [{ name: schema, comment: null }],
    enums: [status],
    domains: [positive],
    compositeTypes: [pair],
    sequences: [counter],
    tables: [teams, users, notes, events, events2024],
    indexes: [emailIndex, notesIndex],
    views: [view, matview],
    functions: [touch, add],
    triggers: [trigger],
  });
  const setup: Operation[] = [
    createSchema({ name: schema, comment: null }),
    createEnum(status),
    createDomain(positive),
    createCompositeType(pair),
    createSequence(counter),
    createTable(teams),
    createTable(users),
    createTable(notes),
    createTable(events),
    createTable(events2024),
    createIndex(emailIndex),
    createIndex(notesIndex),
    createView(view),
    createView(matview),
    createFunction(touch),
    createFunction(add),
    createTrigger(trigger),
  ];
  return {
    n,
    schema,
    q,
    sql,
    id,
    users,
    teams,
    notes,
    events,
    events2024,
    emailIndex,
    notesIndex,
    view,
    matview,
    touch,
    add,
    trigger,
    snapshot: snap,
    setup,
  };
}

const noDefer = { deferrable: false, initiallyDeferred: false } as const;
