/**
 * Parses PostgreSQL's text form of an array (`{1,2,NULL}`, `{{"a b",c},{d,e}}`, `[0:1]={x,y}`)
 * into nested JavaScript arrays, each element passed to `element` (or `null` for `NULL`).
 */
export function parseArray<T>(text: string, element: (value: string) => T): unknown[] {
  let i = 0;
  // An explicit lower bound (`[0:2]={...}`) precedes the braces; the values are what matter.
  if (text[0] === '[') {
    i = text.indexOf('=') + 1;
  }
  const [value] = parseLevel(text, i, element);
  return value;
}

function parseLevel<T>(text: string, start: number, element: (value: string) => T): [unknown[], number] {
  if (text[start] !== '{') {
    throw new SyntaxError(`Malformed array literal: ${text}`);
  }
  const out: unknown[] = [];
  let i = start + 1;
  if (text[i] === '}') {
    return [out, i + 1];
  }
  for (;;) {
    const ch = text[i];
    if (ch === '{') {
      const [nested, next] = parseLevel(text, i, element);
      out.push(nested);
      i = next;
    } else if (ch === '"') {
      let value = '';
      i++;
      while (text[i] !== '"') {
        if (i >= text.length) {
          throw new SyntaxError(`Malformed array literal: ${text}`);
        }
        if (text[i] === '\\') {
          i++;
        }
        value += text[i];
        i++;
      }
      i++;
      out.push(element(value));
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '}') {
        end++;
      }
      const raw = text.slice(i, end).trim();
      out.push(raw === 'NULL' ? null : element(raw));
      i = end;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '}') {
      return [out, i + 1];
    }
    throw new SyntaxError(`Malformed array literal: ${text}`);
  }
}
