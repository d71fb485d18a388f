/** Text for a file that could not be linted, shared by the human-readable formats. */
import type { FileProblem } from '../core/types';
import { relativePath } from './paths';

/**
 * The problem's message, plus where it comes from when that is not the linted file itself
 * (a config file, say) or when a config key is to blame: `message (.backlog-lint.json: rules.x)`.
 */
export function problemText(problem: FileProblem, filePath: string, cwd: string): string {
  const where: string[] = [];
  if (problem.file !== undefined && relativePath(cwd, problem.file) !== relativePath(cwd, filePath)) {
    where.push(relativePath(cwd, problem.file));
  }
  if (problem.keyPath !== undefined) where.push(problem.keyPath);
  return where.length === 0 ? problem.message : `${problem.message} (${where.join(': ')})`;
}
