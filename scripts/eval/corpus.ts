/** Walks a corpus folder and sorts its files into the data sets the evaluation knows. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { storyLines } from './stories';
import type { StoryEntry } from './backlog-doc';
import { isRealworld } from './realworld/gold';

export interface CorpusLayout {
  /** CSV files (candidates for labelled stories). */
  csv: string[];
  /** Folders of one-story-per-line text files, with their stories. */
  storyFolders: { folder: string; files: { name: string; stories: StoryEntry[] }[] }[];
  /** Folders of Markdown documents. */
  documentFolders: { folder: string; files: { name: string; text: string }[] }[];
  /** READMEs describing the corpus itself: ordinary Markdown. */
  readmes: string[];
  /** Folders with gold labels (a gold.json): evaluated by the realworld report, not as plain document folders. */
  realworld: string[];
  /** An OpenReq lexical lexicon, when the corpus ships one (for the calibration baseline). */
  openReqLexicon?: string;
}

const README = /^(?:readme|source)\b.*\.md$/i;

export function scanCorpus(root: string): CorpusLayout {
  const layout: CorpusLayout = { csv: [], storyFolders: [], documentFolders: [], readmes: [], realworld: [] };
  const visit = (dir: string): void => {
    if (isRealworld(dir)) {
      layout.realworld.push(dir);
      return;
    }
    const names = fs.readdirSync(dir).sort();
    const storyFiles: { name: string; stories: StoryEntry[] }[] = [];
    const docs: { name: string; text: string }[] = [];
    for (const name of names) {
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      if (stat.isDirectory()) {
        visit(full);
        continue;
      }
      if (name === 'lex_lexical.json') layout.openReqLexicon = full;
      else if (/\.csv$/i.test(name)) layout.csv.push(full);
      else if (/\.txt$/i.test(name)) {
        const stories = storyLines(fs.readFileSync(full, 'utf8'), name.replace(/\.txt$/i, ''));
        if (stories) storyFiles.push({ name: name.replace(/\.txt$/i, ''), stories });
      } else if (README.test(name)) layout.readmes.push(full);
      else if (/\.(?:md|markdown)$/i.test(name)) docs.push({ name, text: fs.readFileSync(full, 'utf8') });
    }
    const rel = path.relative(root, dir) || '.';
    if (storyFiles.length > 0) layout.storyFolders.push({ folder: rel, files: storyFiles });
    if (docs.length > 0) layout.documentFolders.push({ folder: rel, files: docs });
  };
  visit(root);
  return layout;
}
