/** `--print-config FILE`: the config in force for a file, as JSON. */
import type { ConfigLoader } from './loader';

export async function printConfig(loader: ConfigLoader, filePath: string): Promise<string> {
  return `${JSON.stringify(await loader.forFile(filePath), null, 2)}\n`;
}
