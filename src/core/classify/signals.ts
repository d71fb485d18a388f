/**
 * Content signals for deciding a document's kind from its headings and title: which headings speak for a
 * product artifact (audience, metrics, mockups …), which for an engineering design document, RFC, KEP or
 * ADR (Motivation, Proposal, Alternatives, Drawbacks …), and what the title names.
 */
import designWords from '../vocab/design-doc.json';
import { phraseMatcher, sectionKinds, wordForm, type SectionKind } from './sections';

/** Section kinds found in product documents and rarely in engineering designs. */
const PRODUCT_KINDS: readonly SectionKind[] = ['audience', 'metrics', 'cost', 'benefits'];
/** Section kinds both kinds of document have. */
const SHARED_KINDS: readonly SectionKind[] = [
  'problem',
  'goals',
  'scope',
  'risks',
  'assumptions',
  'questions',
  'requirements',
];

const designExact = new Set(designWords.exact.map(wordForm));
const designAnywhere = phraseMatcher(designWords.anywhere.map((p) => ({ phrase: wordForm(p), value: true })));
const productAnywhere = phraseMatcher(designWords.product.map((p) => ({ phrase: wordForm(p), value: true })));

export interface HeadingSignal {
  line: number;
  text: string;
}

export interface ContentSignals {
  /** Headings that name a product-only section or a product-spec part (mockups, user journeys …). */
  product: HeadingSignal[];
  /** Headings that name a section product and design documents share (problem, goals, scope …). */
  shared: HeadingSignal[];
  /** Headings typical of design documents, RFCs, KEPs and ADRs. */
  design: HeadingSignal[];
  /** Distinct kinds named by `product` and `shared` headings. */
  kinds: Set<SectionKind>;
}

/** True when a heading is one design documents, RFCs, KEPs and ADRs are made of. */
export function isDesignHeading(title: string): boolean {
  const w = wordForm(title);
  return designExact.has(w) || designAnywhere(w).length > 0;
}

function isProductHeading(title: string): boolean {
  return productAnywhere(wordForm(title)).length > 0;
}

/** Weighs the headings of a document. Distinct headings only: a repeated "Risks" counts once. */
export function contentSignals(headings: readonly HeadingSignal[]): ContentSignals {
  const out: ContentSignals = { product: [], shared: [], design: [], kinds: new Set() };
  const seen = new Set<string>();
  for (const h of headings) {
    const key = wordForm(h.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const kinds = sectionKinds(h.text);
    if (isDesignHeading(h.text)) out.design.push(h);
    if (kinds.some((k) => PRODUCT_KINDS.includes(k)) || isProductHeading(h.text)) out.product.push(h);
    else if (kinds.some((k) => SHARED_KINDS.includes(k))) out.shared.push(h);
    for (const k of kinds) if (PRODUCT_KINDS.includes(k) || SHARED_KINDS.includes(k)) out.kinds.add(k);
  }
  return out;
}

const TITLE_CUES: readonly { kind: 'prd' | 'epic' | 'business-case' | 'roadmap'; pattern: RegExp }[] = [
  { kind: 'epic', pattern: /^\s*(?:epic|épica|epico|épico|épique)\b/iu },
  {
    kind: 'business-case',
    pattern: /\b(?:business case|businesscase|caso de negocio|caso de negócio|dossier d'investissement)\b/iu,
  },
  {
    kind: 'prd',
    pattern:
      /(?<![\p{L}])(?:prd|product requirements?(?: document)?|product spec(?:ification)?|product brief|product one[- ]pager|product vision|vision(?: del| do| de)? (?:producto|produto|produit)|vis[aã]o (?:de|do) produto|documento de vis[aã]o|productvisie|produktvision|feature spec(?:ification)?)(?![\p{L}])/iu,
  },
  // "Roadmap", "2019 IPFS Project Roadmap", "Kubeflow 2019 roadmap", "GitHub public roadmap", "Roadmap 2025": roadmap is the head noun.
  {
    kind: 'roadmap',
    pattern:
      /(?:^|\s)(?:road ?map|feuille de route|hoja de ruta|roteiro|routekaart|fahrplan)(?:\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?|[-–—:(].*))?\s*$/iu,
  },
];

/** The kind a document's title names, or null. */
export function kindFromTitle(title: string): 'prd' | 'epic' | 'business-case' | 'roadmap' | null {
  const t = title
    .replace(/[*_`#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const { kind, pattern } of TITLE_CUES) if (pattern.test(t)) return kind;
  return null;
}

/** Titles of documents that record the past: their version and date headings are no horizons. */
export function isHistoryTitle(title: string): boolean {
  return /\b(?:change ?log|changes|release notes?|releasenotes|history|what'?s new|versie ?geschiedenis|historique|historial)\b/i.test(
    title,
  );
}
