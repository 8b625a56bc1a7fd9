import {
  alterPolicy,
  createFunction,
  createPolicy,
  createTrigger,
  dropFunction,
  dropPolicy,
  dropTrigger,
  renameFunction,
  renamePolicy,
  renameTrigger,
  routineRef,
  setForceRowSecurity,
  setRowSecurity,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const routineCases: CaseFamily = (f) => {
  const { n, q, id, sql } = f;
  const users = q('users');
  const notes = q('notes');
  return [
    {
      title: 'createFunction with every option, a body holding $body$',
      op: createFunction({
        ...f.add,
        ...q('sub'),
        volatility: 'STABLE',
        strict: true,
        securityDefiner: true,
        leakproof: true,
        parallel: 'SAFE',
        config: ['search_path=pg_catalog, pg_temp', 'work_mem=64MB'],
        body: `SELECT ${id('a')} - ${id('b')} -- $body$ $body1$ $$`,
        comment: 'Subtracts',
      }),
      present: [
        `routine ${n('sub')}(`,
        'STABLE PARALLEL SAFE STRICT SECURITY DEFINER LEAKPROOF',
        'SET search_path TO',
        'SET work_mem TO',
        '$body$ $body1$ $$',
        'comment=Subtracts',
      ],
    },
    {
      title: 'createFunction with a SQL-standard body (BEGIN ATOMIC, reads a table)',
      op: createFunction({
        ...f.add,
        ...q('count_users'),
        arguments: '',
        identityArguments: '',
        returns: 'bigint',
        language: 'sql',
        volatility: 'STABLE',
        body: `BEGIN ATOMIC\n SELECT count(*) AS count\n    FROM ${sql('users')};\nEND`,
        sqlStandard: true,
      }),
      present: [`routine ${n('count_users')}() CREATE OR REPLACE FUNCTION`, 'BEGIN ATOMIC'],
    },
    {
      title: 'createFunction with a SQL-standard body (RETURN expr)',
      op: createFunction({
        ...f.add,
        ...q('twice'),
        language: 'sql',
        body: `RETURN (${id('a')} * 2)`,
        sqlStandard: true,
      }),
      present: [`routine ${n('twice')}(`, ' RETURN ('],
    },
    {
      title: 'createFunction procedure',
      op: createFunction({
        ...f.touch,
        ...q('noop'),
        kind: 'procedure',
        returns: null,
        body: 'BEGIN NULL; END',
      }),
      present: [`routine ${n('noop')}() CREATE OR REPLACE PROCEDURE`],
    },
    {
      title: 'createFunction OR REPLACE',
      op: createFunction({ ...f.touch, body: 'BEGIN NEW := NEW; RETURN NEW; END' }, { orReplace: true }),
      present: ['BEGIN NEW := NEW; RETURN NEW; END'],
    },
    { title: 'dropFunction', op: dropFunction(routineRef(f.add)), absent: [`routine ${n('add')}(`] },
    {
      title: 'dropFunction IF EXISTS CASCADE',
      op: dropFunction(routineRef(f.touch), { ifExists: true, cascade: true }),
      absent: [`routine ${n('touch')}(`, `trigger ${n('users')}.${n('users_touch')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameFunction',
      op: renameFunction(routineRef(f.add), n('plus')),
      present: [`routine ${n('plus')}(`],
    },
    {
      title: 'createTrigger AFTER several events with UPDATE OF and arguments',
      op: createTrigger({
        ...f.trigger,
        table: n('notes'),
        name: n('notes_audit'),
        timing: 'AFTER',
        events: ['INSERT', 'UPDATE', 'DELETE'],
        updateColumns: [n('body')],
        arguments: ["it's", 'a\\b'],
        comment: 'Audit',
      }),
      present: [
        `trigger ${n('notes')}.${n('notes_audit')} CREATE TRIGGER`,
        'AFTER INSERT OR DELETE OR UPDATE OF',
        'comment=Audit',
      ],
    },
    {
      title: 'createTrigger BEFORE UPDATE with WHEN',
      op: createTrigger({ ...f.trigger, name: n('users_changed'), when: '(old.* IS DISTINCT FROM new.*)' }),
      present: ['WHEN ((old.* IS DISTINCT FROM new.*))'],
    },
    {
      title: 'createTrigger FOR EACH STATEMENT on TRUNCATE',
      op: createTrigger({
        ...f.trigger,
        name: n('users_truncate'),
        timing: 'AFTER',
        events: ['TRUNCATE'],
        level: 'STATEMENT',
      }),
      present: ['AFTER TRUNCATE', 'FOR EACH STATEMENT'],
    },
    {
      title: 'createTrigger CONSTRAINT DEFERRABLE',
      op: createTrigger({
        ...f.trigger,
        name: n('users_check'),
        timing: 'AFTER',
        events: ['INSERT'],
        constraint: true,
        deferrable: true,
        initiallyDeferred: true,
      }),
      present: ['CREATE CONSTRAINT TRIGGER', 'DEFERRABLE INITIALLY DEFERRED'],
    },
    {
      title: 'createTrigger OR REPLACE',
      op: createTrigger({ ...f.trigger, timing: 'AFTER' }, { orReplace: true }),
      present: [`trigger ${n('users')}.${n('users_touch')} CREATE TRIGGER`, 'AFTER UPDATE'],
    },
    {
      title: 'dropTrigger',
      op: dropTrigger(users, n('users_touch')),
      absent: [`trigger ${n('users')}.${n('users_touch')} `],
    },
    {
      title: 'dropTrigger IF EXISTS of a missing trigger',
      op: dropTrigger(users, n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'renameTrigger',
      op: renameTrigger(users, n('users_touch'), n('users_touched')),
      present: [`trigger ${n('users')}.${n('users_touched')} `],
    },
    {
      title: 'setRowSecurity ENABLE',
      op: setRowSecurity(notes, true),
      present: [`relation ${n('notes')} kind=r persistence=p rls=true`],
    },
    {
      title: 'setRowSecurity DISABLE',
      op: setRowSecurity(users, false),
      present: [`relation ${n('users')} kind=r persistence=p rls=false`],
    },
    {
      title: 'setForceRowSecurity FORCE',
      op: setForceRowSecurity(users, true),
      present: ['rls=true force=true'],
    },
    {
      title: 'setForceRowSecurity NO FORCE',
      setup: [setForceRowSecurity(users, true)],
      before: patch(f.snapshot, (s) => ({
        tables: s.tables.map((t) => (t.name === n('users') ? { ...t, forceRowSecurity: true } : t)),
      })),
      op: setForceRowSecurity(users, false),
      present: [`relation ${n('users')} kind=r persistence=p rls=true force=false`],
    },
    {
      title: 'createPolicy RESTRICTIVE SELECT for roles with a comment',
      op: createPolicy(notes, {
        name: n('readable'),
        permissive: false,
        command: 'SELECT',
        roles: ['pg_monitor', 'public'],
        using: `(${id('id')} > 0)`,
        withCheck: null,
        comment: 'Readable',
      }),
      present: [`policy ${n('notes')}.${n('readable')} RESTRICTIVE SELECT roles={`, 'comment=Readable'],
    },
    {
      title: 'createPolicy UPDATE with USING and WITH CHECK',
      op: createPolicy(notes, {
        name: n('editable'),
        permissive: true,
        command: 'UPDATE',
        roles: ['public'],
        using: 'true',
        withCheck: `(${id('body')} IS NOT NULL)`,
        comment: null,
      }),
      present: [`policy ${n('notes')}.${n('editable')} PERMISSIVE UPDATE roles={public} using=true check=(`],
    },
    {
      title: 'alterPolicy roles, USING and WITH CHECK',
      op: alterPolicy(users, n('own'), {
        roles: ['pg_monitor'],
        using: 'false',
        withCheck: `(${id('id')} > 0)`,
      }),
      present: [`policy ${n('users')}.${n('own')} PERMISSIVE ALL roles={pg_monitor} using=false check=(`],
    },
    { title: 'dropPolicy', op: dropPolicy(users, n('own')), absent: [`policy ${n('users')}.${n('own')} `] },
    {
      title: 'dropPolicy IF EXISTS of a missing policy',
      op: dropPolicy(users, n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'renamePolicy',
      op: renamePolicy(users, n('own'), n('mine')),
      present: [`policy ${n('users')}.${n('mine')} `],
    },
  ];
};
