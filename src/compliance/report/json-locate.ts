/**
 * Finds the line of a value in a JSON text by its path (`['resource', type, name, 'exportable']`),
 * for SARIF regions. Returns the line of the deepest part of the path that exists. Never used for
 * fingerprints: lines move, findings do not.
 */

export function locateLine(text: string, path: readonly (string | number)[]): number | undefined {
  let i = 0;
  let line = 1;
  let found: number | undefined;

  const ws = (): void => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const str = (): string => {
    // at the opening quote
    i++;
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const n = text[i + 1] ?? '';
        if (n === 'u') {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[n] ?? n;
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      out += c;
      i++;
    }
    throw new Error('unterminated string');
  };
  /** Parses one value; `depth` is how much of `path` matched to reach it (-1: off the path). */
  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const keyLine = line;
        const key = str();
        ws();
        i++; // ':'
        const onPath = depth >= 0 && depth < path.length && path[depth] === key;
        if (onPath) found = keyLine;
        value(onPath ? depth + 1 : -1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // '}'
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        ws();
        const onPath = depth >= 0 && depth < path.length && path[depth] === n;
        if (onPath) found = line;
        value(onPath ? depth + 1 : -1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // ']'
        return;
      }
    }
    if (c === '"') {
      str();
      return;
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i]!)) i++;
  };
  try {
    value(0);
  } catch {
    return found;
  }
  return found;
}
