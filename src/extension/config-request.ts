/**
 * Config resolution as data that crosses the worker boundary (lint-session.ts ↔ lint-client.ts): the
 * loader's options, and a ConfigError flattened to its fields and rebuilt on the other side, because a
 * thrown error loses its class (and so the file and key it names) when it is posted between threads.
 */
import { ConfigError } from '../config';
import type { Role } from '../core/types';

/** The loader options that are plain data; the worker supplies the file system and the rules. */
export interface LoaderSpec {
  configFile?: string;
  roles?: Role[];
  stopAt?: string;
  readTemplates: boolean;
}

export interface ConfigErrorData {
  file: string;
  keyPath: string;
  message: string;
  line?: number;
  column?: number;
}

export function configErrorData(err: ConfigError): ConfigErrorData {
  return { file: err.file, keyPath: err.keyPath, message: err.message, line: err.line, column: err.column };
}

/** The ConfigError the worker threw, with its message as the loader wrote it. */
export function reviveConfigError(data: ConfigErrorData): ConfigError {
  const position =
    data.line !== undefined && data.column !== undefined ? { line: data.line, column: data.column } : undefined;
  const err = new ConfigError(data.file, data.keyPath, '', position);
  err.message = data.message;
  return err;
}
