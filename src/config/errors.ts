/** The error every config problem is reported with: it names the config file and the key path. */

export class ConfigError extends Error {
  /** The config file at fault. */
  readonly file: string;
  /** Dotted key path inside the config (`rules.story-benefit`, `overrides[0].files`), '' for file-level problems. */
  readonly keyPath: string;
  /** 1-based position, for syntax errors. */
  readonly line?: number;
  readonly column?: number;

  constructor(file: string, keyPath: string, detail: string, position?: { line: number; column: number }) {
    super(formatMessage(file, keyPath, detail, position));
    this.name = 'ConfigError';
    this.file = file;
    this.keyPath = keyPath;
    this.line = position?.line;
    this.column = position?.column;
  }
}

function formatMessage(
  file: string,
  keyPath: string,
  detail: string,
  position?: { line: number; column: number },
): string {
  const where = position ? `${file}:${position.line}:${position.column}` : file;
  return keyPath ? `${where}: ${keyPath}: ${detail}` : `${where}: ${detail}`;
}

/** `['overrides', 0, 'rules', 'story-benefit']` → `overrides[0].rules.story-benefit`; odd keys are quoted. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** A file the config layer will not read: not a regular file, or larger than its cap. `reason` says which. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** `20971520` → `20 MB`, `65536` → `64 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
