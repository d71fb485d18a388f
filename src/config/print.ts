/** `--print-config FILE`: the config in force for a file, as JSON. */
import type { ConfigLoader } from './loader';

export async function printConfig(loader: ConfigLoader, filePath: string): Promise<string> {
  const config = await loader.forFile(filePath);
  // A pack is shown by where it comes from and the rules it adds, not its whole text.
  const packs = config.packs?.map((p) => ({
    source: p.source,
    name: p.data.name,
    role: p.data.role,
    rules: p.data.rules.map((r) => (p.builtin ? r.id : `${p.data.name}/${r.id}`)),
  }));
  return `${JSON.stringify({ ...config, ...(packs ? { packs } : {}) }, null, 2)}\n`;
}
