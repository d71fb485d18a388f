/** The config subsystem: discovery, parsing, validation and merging of backlog-lint config files. */
export { ConfigError, createConfigLoader, defaultConfig, nodeFileSystem } from './loader';
export type { ConfigLoader, ConfigLoaderOptions, FileConfig } from './loader';
export { CONFIG_FILE_NAMES } from './discovery';
export { DEFAULT_ACCEPTANCE_CRITERIA_LABELS } from './defaults';
export { memoryFileSystem } from './memory-fs';
export { buildJsonSchema, renderJsonSchema, SCHEMA_URL } from './json-schema';
export { starterConfig } from './starter';
export { printConfig } from './print';
