/**
 * Writing Python source from TypeScript values: literals (strings, numbers, lists, dicts) and
 * blocks of code joined with the blank lines PEP 8 asks for. No Python is run here.
 */

/** A Python literal for a plain value: str (a JSON string is a valid Python string), int/float, True/False/None, list, dict. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (ArrayBuffer.isView(value)) return py(Array.from(value as unknown as ArrayLike<number>));
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`)
      .join(', ')}}`;
  throw new Error(`no Python literal for ${typeof value}`);
}

/** A number as Python reads it back (NaN and infinities as float('nan') / float('inf')). */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "float('nan')";
  if (n === Infinity) return "float('inf')";
  if (n === -Infinity) return "-float('inf')";
  return String(n);
}

/**
 * `name = [v, v, ...]` for a long list of numbers, `perLine` to a line and each to `digits`
 * significant digits (float32 losses need no more than 7).
 */
export function pyNumberList(name: string, values: ArrayLike<number>, digits = 7, perLine = 10): string {
  const items = Array.from(values, (v) =>
    Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : pyNumber(v),
  );
  if (items.length === 0) return `${name} = []`;
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine)
    lines.push(`    ${items.slice(i, i + perLine).join(', ')},`);
  return `${name} = [\n${lines.join('\n')}\n]`;
}

/** Blocks of code separated by `blank` empty lines (2 between top-level definitions, PEP 8). */
export function blocks(parts: (string | null | false | undefined)[], blank = 2): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n'.repeat(blank + 1));
}

/** Lines of code, leaving out the ones that are null / false (the settings that do not apply). */
export function lines(parts: (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

/** `text` as `# ` comment lines wrapped at `width` columns. */
export function comment(text: string, width = 96, prefix = '# '): string {
  return wrap(text, width - prefix.length)
    .map((line) => `${prefix}${line}`.trimEnd())
    .join('\n');
}

/** Words wrapped to lines of at most `width` characters (a longer word gets a line of its own; CJK text is broken anywhere). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of paragraph.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|\s+/gu,
    ) ?? []) {
      if (/^\s+$/.test(token)) {
        if (line.length > 0) line += ' ';
        continue;
      }
      if (line.length + token.length > width && line.trim().length > 0) {
        out.push(line.trimEnd());
        line = '';
      }
      line += token;
    }
    out.push(line.trimEnd());
  }
  return out;
}
