import type { PlannedStatement } from '@justscale/diff';
import { DatabaseError, isDatabaseError } from '@justscale/driver';
import type { Operation } from '@justscale/schema';
import { renderType } from '@justscale/sql';
import type { ScratchNames } from './scratch.js';

/**
 * PostgreSQL's error for a scratch statement, said of the models: which table, column, check or
 * index wrote the SQL it rejected. The PostgreSQL fields (`code`, `detail`, `hint`, ...) are kept;
 * `position` and `sql` are not, as they point into scratch SQL the user never wrote (the original
 * error, with them, is the `cause`).
 */
export function rejectedByPostgres(
  error: unknown,
  statement: PlannedStatement,
  names: ScratchNames,
): unknown {
  if (!isDatabaseError(error)) return error;
  const subject = subjectOf(statement.operation, statement.sql, error.position, names);
  if (subject === null) return error;
  return new DatabaseError(`${subject}: ${error.message}`, {
    code: error.code,
    severity: error.severity,
    detail: error.detail,
    hint: error.hint,
    where: error.where,
    dataType: error.dataType,
    routine: error.routine,
    cause: error,
  });
}

interface Candidate {
  readonly what: string;
  readonly text: string;
}

/** The model object behind a failed statement, narrowed to the expression the error points into. */
function subjectOf(
  operation: Operation,
  sql: string,
  position: number | undefined,
  names: ScratchNames,
): string | null {
  const real = (schema: string) => names.fromScratch.get(schema) ?? schema;
  let subject: string;
  let candidates: Candidate[];
  switch (operation.kind) {
    case 'createTable': {
      const t = operation.table;
      subject = `model table ${real(t.schema)}.${t.name}`;
      candidates = [
        ...t.columns.flatMap((c) => [
          { what: `column ${c.name} (type)`, text: renderType(c.type) },
          ...(c.default === null ? [] : [{ what: `column ${c.name} (default)`, text: c.default }]),
          ...(c.generated === null ? [] : [{ what: `column ${c.name} (generated)`, text: c.generated }]),
        ]),
        ...t.constraints.flatMap((k) =>
          k.kind === 'check' ? [{ what: `check ${k.name}`, text: k.expression }] : [],
        ),
      ];
      break;
    }
    case 'createIndex': {
      const i = operation.index;
      subject = `model index ${real(i.schema)}.${i.name} on ${i.table}`;
      candidates = [
        ...i.keys.flatMap((k, n) =>
          k.expression === null ? [] : [{ what: `key ${n + 1}`, text: k.expression }],
        ),
        ...(i.where === null ? [] : [{ what: 'predicate', text: i.where }]),
      ];
      break;
    }
    case 'createEnum':
      return `model enum ${real(operation.enum.schema)}.${operation.enum.name}`;
    default:
      return null;
  }
  const hit = position === undefined ? undefined : candidateAt(sql, position - 1, candidates);
  return hit === undefined ? subject : `${subject}, ${hit.what}`;
}

/** The candidate whose text, where it occurs in `sql`, covers offset `at` (diagnostics only). */
function candidateAt(sql: string, at: number, candidates: readonly Candidate[]): Candidate | undefined {
  let best: { candidate: Candidate; length: number } | undefined;
  for (const candidate of candidates) {
    for (let from = sql.indexOf(candidate.text); from !== -1; from = sql.indexOf(candidate.text, from + 1)) {
      const covers = at >= from && at < from + candidate.text.length;
      if (covers && (best === undefined || candidate.text.length < best.length)) {
        best = { candidate, length: candidate.text.length };
      }
    }
  }
  return best?.candidate;
}
