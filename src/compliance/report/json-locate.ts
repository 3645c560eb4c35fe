/**
 * Finds the line of a value in a JSON text by its path (`['resource', type, name, 'exportable']`),
 * for SARIF regions. Returns the line of the deepest part of the path that exists. Never used for
 * fingerprints: lines move, findings do not.
 */

export function locateLine(text: string, path: readonly (string | number)[]): number | undefined {
  const n = text.length;
  let i = 0;
  let line = 1;
  let found: number | undefined;

  // Character codes, and no string built for what is off the path: a stack file is read once per
  // finding, and most of it is skipped.
  const ws = (): void => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  /** Past the string whose opening quote is at `i`. */
  const skipString = (): void => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) i += text.charCodeAt(i + 1) === 117 ? 5 : 1;
      else if (c === 10) line++;
    }
    throw new Error('unterminated string');
  };
  /** The string whose opening quote is at `i`, unescaped. */
  const str = (): string => {
    const from = i + 1;
    skipString();
    const raw = text.slice(from, i - 1);
    return raw.includes('\\') ? unescape(raw) : raw;
  };
  /** Parses one value; `depth` is how much of `path` matched to reach it (-1: off the path). */
  const value = (depth: number): void => {
    ws();
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        return;
      }
      for (;;) {
        ws();
        const keyLine = line;
        const wanted = depth >= 0 && depth < path.length;
        let onPath = false;
        if (wanted) onPath = path[depth] === str();
        else skipString();
        ws();
        i++; // ':'
        if (onPath) found = keyLine;
        value(onPath ? depth + 1 : -1);
        ws();
        if (text.charCodeAt(i) === 44) {
          i++;
          continue;
        }
        i++; // '}'
        return;
      }
    }
    if (c === 91) {
      i++;
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        ws();
        const onPath = depth >= 0 && depth < path.length && path[depth] === k;
        if (onPath) found = line;
        value(onPath ? depth + 1 : -1);
        ws();
        if (text.charCodeAt(i) === 44) {
          i++;
          continue;
        }
        i++; // ']'
        return;
      }
    }
    if (c === 34) {
      skipString();
      return;
    }
    // A number, true, false or null: up to the next separator or whitespace.
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 12 || d === 11) break;
      if (d > 127 && /\s/.test(text[i]!)) break;
    }
  };
  try {
    value(0);
  } catch {
    return found;
  }
  return found;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** JSON string escapes, read as the original reader did (an unknown escape stands for its character). */
function unescape(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[i + 1] ?? '';
    if (e === 'u') {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += ESCAPES[e] ?? e;
      i++;
    }
  }
  return out;
}
