/** The realworld corpus's gold labels (realworld/README.md gives the schema), read by path. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GoldStory {
  line: number;
  form: string;
  has_benefit: boolean;
  has_acceptance_criteria: boolean;
  ac_lines: [number, number] | null;
  atomic: boolean;
  notes?: string;
}

export interface GoldSection {
  present: boolean;
  heading_line: number | null;
  heading_text: string | null;
}

export interface GoldItem {
  line: number;
  title: string;
  has_why: boolean;
  has_horizon: boolean;
}

export interface GoldFile {
  folder: string;
  kind: string;
  language: string;
  expected_findings: { line: number; what: string }[];
  should_stay_silent: boolean;
  notes: string;
  contains_stories?: boolean;
  stories?: GoldStory[];
  sections?: Record<string, GoldSection>;
  metrics?: { line: number; measurable: boolean }[];
  items?: GoldItem[];
  horizon_headings?: number[];
  decoy_lines?: number[];
}

export interface Gold {
  schema_version: number;
  files: Record<string, GoldFile>;
}

export function readGold(dir: string): Gold {
  return JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Gold;
}

/** True for a realworld folder: one that holds a gold.json. */
export function isRealworld(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'gold.json'));
}
