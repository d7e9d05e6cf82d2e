/**
 * Agreements between organisations, read sentence by sentence. Each company mention is replaced by a
 * placeholder (⟨n⟩, n the mention's index), so the patterns read like the domain's phrasing: "a joint
 * venture between ⟨1⟩ and ⟨2⟩", "⟨1⟩ will supply … to ⟨2⟩", "⟨1⟩ bought a 25% stake in ⟨2⟩". Phrasings
 * without a second name ("signed a letter of intent with ⟨2⟩") take the sentence's subject.
 */
import type { Mention } from './mentions';
import type { Sentence } from './text';

export type DealKind =
  | 'joint-venture'
  | 'supply'
  | 'equity-stake'
  | 'strategic-cooperation'
  | 'memorandum'
  | 'letter-of-intent'
  | 'discussion'
  | 'research'
  | 'licence'
  | 'long-term-partnership';

export type Role = 'partner' | 'buyer' | 'supplier' | 'investor' | 'researcher';

export interface Relation {
  kind: DealKind;
  sentence: number;
  /** Mention indexes with the role each plays. */
  parties: { mention: number; role: Role }[];
  /** Which pattern found it: a feature of its confidence. */
  pattern: string;
  /** A party is the sentence's subject rather than a name inside the phrasing. */
  viaSubject: boolean;
  /** Cues of the wording itself, for a relation no pattern found (the words between its two names). */
  features?: Record<string, number>;
}

const E = '(⟨\\d+⟩)';
const ENTITY = '⟨\\d+⟩';
/** A name with what a report adds to it before the next one: "⟨1⟩ of China", "⟨1⟩ (CATL)". */
const NAMED = `${ENTITY}(?:\\s+of\\s+\\p{Lu}[\\p{L}-]+|\\s*\\([^()⟨]{0,40}\\))?`;
/** Names in a row: "⟨1⟩, ⟨2⟩ and ⟨3⟩", "⟨1⟩/⟨2⟩", "⟨1⟩ and Slovak start-up ⟨2⟩", "⟨1⟩ of China and ⟨2⟩ of France". */
const LIST = `(${NAMED}(?:\\s*(?:,\\s*and|,|and|&|/|as well as|together with)\\s*(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,4}?${ENTITY})*)`;
/** Words between names, within a clause: no other name and no full stop (a decimal point is no stop: "4.1 billion"). */
const GAP = (n: number) => `(?:[^⟨.;]|\\.(?=\\d)){0,${n}}?`;

interface Pattern {
  name: string;
  kind: DealKind;
  re: RegExp;
  /** Roles by capture group: a group of one entity or a list. `subject` joins the sentence's subject. */
  groups: Role[];
  subject?: Role;
  /**
   * The wording makes one agreement with each name listed ("its partners are …"), or one among all of
   * them ("the consortium of founding investors includes …"); by default, as the kind has it.
   */
  pairwise?: boolean;
}

/** Kinds that are agreements between two: a list of names makes one agreement with each. */
const PAIRWISE = new Set<DealKind>(['supply', 'equity-stake', 'licence', 'discussion']);

const p = (name: string, kind: DealKind, re: string, groups: Role[], subject?: Role, pairwise?: boolean): Pattern => ({
  name,
  kind,
  re: new RegExp(re, 'giu'),
  groups,
  subject,
  pairwise,
});

const PATTERNS: Pattern[] = [
  // Joint ventures.
  p(
    'jv-between',
    'joint-venture',
    `joint[- ]ventures?${GAP(30)}\\b(?:between|of|by|formed by|set up by|owned by|from)\\s+(?:the\\s+)?${GAP(40)}${LIST}`,
    ['partner'],
  ),
  p(
    'jv-formed',
    'joint-venture',
    `${LIST}${GAP(60)}\\b(?:formed|established|set up|created|launched|founded|form|establish|create|found|set up|signed|agreed|announced|announce)\\b${GAP(60)}joint[- ]venture`,
    ['partner'],
  ),
  p('jv-possessive', 'joint-venture', `${LIST}['’]s?\\s+(?:[\\p{L}-]+\\s+){0,3}?joint[- ]venture\\b`, ['partner']),
  p(
    'co-founded',
    'joint-venture',
    `${LIST}\\s+(?:have\\s+|has\\s+)?(?:jointly\\s+)?(?:founded|established|set up|created|launched)\\s+(?:the\\s+|a\\s+)?(?:new\\s+)?(?:[\\p{L}-]+\\s+){0,3}?⟨\\d+⟩`,
    ['partner'],
  ),
  p(
    'jv-with',
    'joint-venture',
    `${E}${GAP(50)}joint[- ]venture\\s+(?:partner\\s+)?(?:with|and)\\s+(?:its\\s+)?${GAP(30)}${E}`,
    ['partner', 'partner'],
  ),
  p(
    'jv-with-subject',
    'joint-venture',
    `joint[- ]venture\\s+(?:partner,?\\s+|company\\s+)?(?:with)\\s+${GAP(30)}${E}`,
    ['partner'],
    'partner',
  ),
  p('jv-partner', 'joint-venture', `joint[- ]venture partner,?\\s+${E}`, ['partner'], 'partner'),
  p(
    'its-jv-partner',
    'joint-venture',
    `${E},?\\s+(?:its|their)\\s+joint[- ]venture partner\\b`,
    ['partner'],
    'partner',
  ),
  // Supply.
  p(
    'supply-to',
    'supply',
    `${E}${GAP(50)}\\b(?:supply|supplies|supplied|supplying|deliver|delivers|delivered|delivering|provide|provides|provided|providing|sell|sells|ship|ships)\\b[^.;]{0,90}?\\b(?:to|for)\\s+(?:the\\s+|its\\s+)?${GAP(40)}${E}`,
    ['supplier', 'buyer'],
  ),
  p(
    'supply-to-many',
    'supply',
    `${E}${GAP(100)}\\b(?:supply|supplies|supplied|supplying|deliver|delivers|delivered|provide|provides|providing)\\b${GAP(60)}\\b(?:to|for)\\s+(?:the\\s+|its\\s+)?${GAP(40)}${LIST}`,
    ['supplier', 'buyer'],
  ),
  p(
    'supply-from',
    'supply',
    `${E}${GAP(50)}\\b(?:source|sources|sourcing|buy|buys|bought|purchase|purchases|purchasing|receive|receives|order|orders|ordered|procure|procures|secure|secures|secured|securing|obtain|obtains|obtained)\\b${GAP(90)}\\bfrom\\s+${GAP(30)}${E}`,
    ['buyer', 'supplier'],
  ),
  // "The Polish company sources battery cells from ⟨1⟩": the sentence's subject buys.
  p(
    'sources-from-subject',
    'supply',
    `^[^⟨]{0,40}\\b(?:sources|buys|purchases|procures|receives|obtains)\\b${GAP(60)}\\bfrom\\s+(?:the\\s+)?${GAP(30)}${E}`,
    ['supplier'],
    'buyer',
  ),
  p(
    'supply-deal-with',
    'supply',
    `\\b(?:supply|purchase|purchasing|offtake|sourcing|delivery)\\s+(?:deals?|contracts?|agreements?|orders?)\\s+(?:with|from)\\s+${GAP(50)}${LIST}`,
    ['partner'],
    'partner',
  ),
  // "signed a supply agreement for battery modules with ⟨1⟩", "a supply contract … to secure cells from ⟨1⟩".
  p(
    'supply-contract-from',
    'supply',
    `\\b(?:supply|purchase|purchasing|offtake|sourcing|delivery)\\s+(?:deals?|contracts?|agreements?|orders?)\\b${GAP(80)}\\b(?:from|with)\\s+(?:the\\s+)?${GAP(40)}${E}`,
    ['supplier'],
    'buyer',
  ),
  p(
    'supply-direct',
    'supply',
    `${E}${GAP(40)}\\b(?:supply|supplies|supplied|supplying|deliver|delivers|delivered|delivering)\\s+(?:the\\s+)?${E}(?!\\s+(?:to|for)\\b)`,
    ['supplier', 'buyer'],
  ),
  p(
    'is-supplier',
    'supply',
    `${E}${GAP(40)}\\b(?:the\\s+|a\\s+|an\\s+|its\\s+|is\\s+)(?:[\\p{L}-]+\\s+){0,3}?(?:supplier|provider)(?:\\s+partner)?\\s+(?:for|to|of)\\s+(?:the\\s+)?${LIST}`,
    ['supplier', 'buyer'],
  ),
  p(
    'as-supplier',
    'supply',
    `${E}${GAP(40)}\\b(?:selected|selects|chose|chosen|picked|named|appointed|signed)\\s+(?:the\\s+)?${E}\\s+as\\s+(?:its|their|a|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?supplier\\b`,
    ['buyer', 'supplier'],
  ),
  p(
    'cells-from-for',
    'supply',
    `\\b(?:cells|batteries|battery cells|modules|packs)\\s+from\\s+(?:the\\s+)?${E}${GAP(40)}\\bfor\\s+(?:the\\s+|its\\s+)?${E}`,
    ['supplier', 'buyer'],
  ),
  p(
    'supply-with',
    'supply',
    `${E}${GAP(60)}\\b(?:supply|supplies|supplied|supplying|equip|equips|provide|provides|provided|providing)\\s+(?:the\\s+)?${E}\\s+with\\s+(?:[\\p{L}\\d-]+\\s+){0,4}?(?:cells|batteries|battery|modules|packs|materials?|cathodes?|anodes?|lithium|components)\\b`,
    ['supplier', 'buyer'],
  ),
  p(
    'contract-to-supply',
    'supply',
    `\\b(?:contract|agreement|deal|order)\\s+with\\s+(?:the\\s+)?${GAP(30)}${E}\\s+to\\s+(?:supply|deliver|provide)\\b`,
    ['buyer'],
    'supplier',
  ),
  // "VW secured a deal with CATL, along with Samsung and LG Chem, to deliver …": one deal of them all.
  p(
    'contract-along-with',
    'supply',
    `\\b(?:contract|agreement|deal|order)s?\\s+with\\s+(?:the\\s+)?${E},?\\s+(?:along with|as well as|together with)\\s+${LIST},?\\s+to\\s+(?:supply|deliver|provide)\\b`,
    ['supplier', 'supplier'],
    'buyer',
    false,
  ),
  p(
    'made-by',
    'supply',
    `\\b(?:made|supplied|delivered|manufactured|provided)\\s+by\\s+(?:the\\s+)?${GAP(30)}${E}`,
    ['supplier'],
    'buyer',
  ),
  p(
    'awarded-contract',
    'supply',
    `${E}${GAP(40)}\\b(?:awarded|awards|gave|gives|granted|placed with)\\s+(?:the\\s+)?${E}\\s+(?:a|an|the|its)?\\s*(?:[\\p{L}\\d.,€$-]+\\s+){0,4}?(?:contract|order|deal)\\b`,
    ['buyer', 'supplier'],
  ),
  p(
    'contract-with-for-cells',
    'supply',
    `\\b(?:contracts?|orders?|agreements?|deals?)\\s+(?:worth\\s+[^⟨;]{0,40}?\\s+)?with\\s+(?:the\\s+)?${LIST}\\s+for\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:cells|batteries|battery|modules|materials?|cathodes?)\\b`,
    ['supplier'],
    'buyer',
  ),
  p(
    'order-from',
    'supply',
    `\\b(?:contract|order|orders)\\s+(?:worth\\s+[^⟨.]{0,30}?\\s+)?from\\s+(?:the\\s+)?${E}`,
    ['buyer'],
    'supplier',
  ),
  p(
    'order-with',
    'supply',
    `\\bplaced\\s+(?:an?\\s+|its\\s+)?(?:[\\p{L}\\d.,€$-]+\\s+){0,5}?orders?\\b${GAP(40)}\\bwith\\s+(?:the\\s+)?${E}`,
    ['supplier'],
    'buyer',
  ),
  p(
    'supply-customers',
    'supply',
    `\\bcustomers?,?\\s+(?:include\\s+|including\\s+|such as\\s+|like\\s+|are\\s+|:\\s*)?${LIST}`,
    ['buyer'],
    'supplier',
  ),
  p(
    'supply-subject',
    'supply',
    `^(?:[^⟨]{0,40})\\b(?:supply|supplies|supplying|deliver|delivers|provide|provides)\\b${GAP(80)}\\b(?:to|for)\\s+${GAP(30)}${LIST}`,
    ['buyer'],
    'supplier',
  ),
  // Stakes, investments, takeovers.
  p(
    'stake-in',
    'equity-stake',
    `${LIST}${GAP(60)}\\b(?:stake|share|shares|shareholding|interest|holding)\\b${GAP(30)}\\bin\\s+(?:the\\s+)?${GAP(20)}${E}`,
    ['investor', 'partner'],
  ),
  // "⟨1⟩ owns 17% in ⟨2⟩", "⟨1⟩ holds 25 per cent of ⟨2⟩".
  p(
    'owns-percent',
    'equity-stake',
    `${E}${GAP(30)}\\b(?:owns|own|owned|holds|hold|held|retains|retain|acquired|took|takes|bought|buys)\\s+(?:a\\s+|an\\s+)?(?:about\\s+|around\\s+|almost\\s+|nearly\\s+)?\\d+(?:[.,]\\d+)?\\s?(?:%|per ?cent|percent)\\s+(?:stake\\s+)?(?:in|of)\\s+(?:the\\s+)?${E}`,
    ['investor', 'partner'],
  ),
  p(
    'invest-in',
    'equity-stake',
    `${LIST}${GAP(30)}\\b(?:invested|invests|has invested|investing|investment)\\s+in\\s+(?:the likes of\\s+)?${LIST}`,
    ['investor', 'partner'],
  ),
  p(
    'invest-sum-in',
    'equity-stake',
    `${LIST}${GAP(30)}\\b(?:invested|invests|invest|investing)\\b${GAP(40)}\\bin\\s+(?:the\\s+)?${E}`,
    ['investor', 'partner'],
  ),
  // "a funding round with a starting investment of £40m from mining giant ⟨1⟩".
  p(
    'investment-from',
    'equity-stake',
    `\\b(?:investment|funding|financing|equity|capital)\\b${GAP(60)}\\bfrom\\s+(?:the\\s+)?${GAP(30)}${E}`,
    ['investor'],
    'partner',
  ),
  p(
    'has-invested-in',
    'equity-stake',
    `^[^⟨]{0,40}\\b(?:has|have)\\s+(?:already\\s+|also\\s+)?invested\\s+in\\s+(?:the likes of\\s+)?${LIST}`,
    ['partner'],
    'investor',
  ),
  p(
    'takeover',
    'equity-stake',
    `${E}${GAP(40)}\\b(?:acquire|acquires|acquired|acquiring|bought|buys|take over|takes over|took over|takeover of|acquisition of|purchase of|take on|took on)\\b${GAP(60)}${E}`,
    ['investor', 'partner'],
  ),
  p(
    'investor-of',
    'equity-stake',
    `${E}['’]s\\s+(?:leading\\s+|largest\\s+|main\\s+|majority\\s+|biggest\\s+)?(?:investor|shareholder|owner)s?,?\\s+${LIST}`,
    ['partner', 'investor'],
  ),
  p(
    'its-investor',
    'equity-stake',
    `^(?:Its|Their)\\s+(?:leading\\s+|largest\\s+|main\\s+|majority\\s+|biggest\\s+|lead\\s+|key\\s+)?(?:investors?|shareholders?|owners?|backers?)\\s+(?:is|are|include|includes)\\s+${LIST}`,
    ['investor'],
    'partner',
  ),
  p(
    'investors-include',
    'equity-stake',
    `\\b(?:founding\\s+)?(?:investors|shareholders|backers)\\b[^.;]{0,80}?\\b(?:include|includes|including|are)\\s+${LIST}`,
    ['investor'],
    'partner',
    false,
  ),
  p(
    'shareholder-of',
    'equity-stake',
    `\\b(?:the\\s+|a\\s+|an\\s+)?(?:largest\\s+|biggest\\s+|main\\s+|majority\\s+|leading\\s+|new\\s+)?(?:shareholder|investor|owner)s?\\s+(?:of|in)\\s+(?:the\\s+)?${E}`,
    ['partner'],
    'investor',
  ),
  p(
    'buys-shares',
    'equity-stake',
    `\\b(?:acquire|acquires|acquired|buy|buys|bought|purchase|purchased|take over|took over)\\s+(?:all\\s+(?:of\\s+)?)?(?:the\\s+)?${E}['’]s\\s+(?:[\\p{L}-]+\\s+|⟨\\d+⟩\\s+){0,3}(?:shares|stake|holding|interest)\\b`,
    ['partner'],
    'investor',
  ),
  p('owned-by', 'equity-stake', `${E}${GAP(40)}\\b(?:owned|backed|controlled)\\s+by\\s+(?:the\\s+)?${GAP(40)}${LIST}`, [
    'partner',
    'investor',
  ]),
  // Memoranda, letters of intent, talks.
  p('mou', 'memorandum', `${LIST}${GAP(60)}\\b(?:memorandum(?: of understanding)?|MoU|MOU)\\b`, ['partner']),
  p(
    'mou-with',
    'memorandum',
    `\\b(?:memorandum(?: of understanding)?|MoU|MOU)\\s+(?:with|between)\\s+${GAP(20)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p(
    'loi-with',
    'letter-of-intent',
    `\\bletters? of intent\\s+(?:with|between)\\s+${GAP(40)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p('loi', 'letter-of-intent', `${LIST}${GAP(60)}\\bletters? of intent\\b`, ['partner']),
  p(
    'talks-with',
    'discussion',
    `\\b(?:talks|negotiations|discussions|negotiating|talking)\\s+(?:with|between)\\s+${GAP(40)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p('considering', 'discussion', `${E}${GAP(40)}\\bconsidering${GAP(60)}\\bwith\\s+${E}`, ['buyer', 'supplier']),
  // Cooperation, research, licences.
  p(
    'partnership-between',
    'strategic-cooperation',
    `\\b(?:partnership|cooperation|collaboration|alliance|agreement|deal|contract)\\s+between\\s+(?:the\\s+)?${LIST}`,
    ['partner'],
  ),
  p(
    'entered-into',
    'strategic-cooperation',
    `${LIST}${GAP(60)}\\b(?:entered into|signed|agreed|concluded|struck|sealed|inked|announced|reached)\\b${GAP(40)}\\b(?:partnership|agreement|deal|contract|cooperation|alliance)\\b`,
    ['partner'],
  ),
  p(
    'partnership-with',
    'strategic-cooperation',
    `\\b(?:strategic\\s+|commercial\\s+|industrial\\s+)?(?:partnership|cooperation|collaboration|alliance|partnered|partnering|partners|cooperates|cooperating|collaborates|collaborating|works closely|working closely|work closely|working|agreements?|deal|contract|accord|joins? forces|joined forces|joining forces)\\s+with\\s+(?:the\\s+|its\\s+)?${GAP(50)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p(
    'chosen-as-partners',
    'strategic-cooperation',
    `\\b(?:chosen|chose|selected|picked|named)\\s+${LIST}\\s+as\\s+(?:its\\s+|their\\s+)?(?:[\\p{L}-]+\\s+){0,2}?partners?\\b`,
    ['partner'],
    'partner',
    true,
  ),
  p(
    'agreed-to-cooperate',
    'strategic-cooperation',
    `${LIST}${GAP(40)}\\b(?:agreed|agree|agrees|plan|plans|will|want|intend)\\s+to\\s+(?:jointly\\s+)?(?:cooperate|collaborate|work together|partner)\\b|${LIST}\\s+(?:will|plan to|want to|are to)\\s+jointly\\b`,
    ['partner', 'partner'],
  ),
  p(
    'together-with',
    'strategic-cooperation',
    `\\b(?:together|jointly)\\s+with\\s+(?:the\\s+|its\\s+)?${GAP(30)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p(
    'in-partnership',
    'strategic-cooperation',
    `\\bin (?:partnership|cooperation|collaboration) with\\s+${GAP(20)}${LIST}`,
    ['partner'],
    'partner',
  ),
  p(
    'consortium',
    'strategic-cooperation',
    `\\b(?:consortium|alliance)\\b${GAP(80)}\\b(?:includ\\w*|of|formed by|comprising|by)\\s+${GAP(40)}${LIST}`,
    ['partner'],
  ),
  p(
    'partners-are',
    'strategic-cooperation',
    `\\b(?:other|its|their)\\s+partners\\s+(?:are|include)\\s+${LIST}`,
    ['partner'],
    'partner',
    true,
  ),
  p(
    'other-participants',
    'strategic-cooperation',
    `\\b(?:participating|other) (?:companies|members)\\s+(?:include|are)\\s+${LIST}`,
    ['partner'],
    'partner',
  ),
  p(
    'research-with',
    'research',
    `\\bresearch\\s+(?:cooperation|partnership|collaboration|project|alliance|agreement)\\s+with\\s+${GAP(20)}${LIST}`,
    ['researcher'],
    'researcher',
  ),
  // "⟨1⟩ is to develop high-performance batteries with ⟨2⟩".
  p(
    'develop-with',
    'research',
    `${E}${GAP(40)}\\b(?:develop|develops|developing|co-develop|co-develops|jointly develop|research)\\b${GAP(60)}\\bwith\\s+(?:the\\s+)?${GAP(30)}${E}`,
    ['researcher', 'researcher'],
  ),
  p(
    'technology-from',
    'licence',
    `\\b(?:based on|uses|using|use of|licen[cs]ed|licen[cs]es)\\b${GAP(60)}\\btechnology\\s+(?:from|of|developed by)\\s+(?:the\\s+)?${E}`,
    ['supplier'],
    'buyer',
  ),
  p('licensed-to', 'licence', `${E}${GAP(80)}\\blicen[cs]ed\\s+to\\s+${E}`, ['supplier', 'buyer']),
  // The licensed product may be a name of its own ("X will use the SemiSolid technology licensed from Y").
  p('licence-from', 'licence', `${E}[^.;]{0,60}?\\b(?:licen[cs]e|licen[cs]ed|licensing)\\b${GAP(40)}\\bfrom\\s+${E}`, [
    'buyer',
    'supplier',
  ]),
  p(
    'alliance-partners',
    'long-term-partnership',
    `${E}\\s+and\\s+(?:its\\s+|their\\s+)?alliance\\s+partners?\\s+${LIST}`,
    ['partner', 'partner'],
  ),
  p(
    'long-term-partner',
    'long-term-partnership',
    `${E},?\\s+(?:a\\s+)?(?:long-?time|long-term|longstanding)\\s+partner\\s+of\\s+${E}`,
    ['partner', 'partner'],
  ),
];

/** The sentence with every company mention replaced by ⟨index⟩. */
function skeleton(text: string, mentions: { index: number; m: Mention }[]): string {
  let out = '';
  let at = 0;
  for (const { index, m } of [...mentions].sort((a, b) => a.m.start - b.m.start)) {
    if (m.start < at) continue;
    out += `${text.slice(at, m.start)}⟨${index}⟩`;
    at = m.end;
  }
  return out + text.slice(at);
}

const idsIn = (list: string) => [...list.matchAll(/⟨(\d+)⟩/g)].map((m) => Number(m[1]));

/**
 * Every agreement the sentences state. `subjectOf` names the company a sentence is about (its first
 * company, or the one before it for "The company", "It").
 */
export function findRelations(
  all: Sentence[],
  mentions: Mention[],
  subjectOf: (sentence: number) => number | null,
): Relation[] {
  const out: Relation[] = [];
  all.forEach((s, i) => {
    const companies = mentions.flatMap((m, index) => (m.sentence === i && m.label === 'Company' ? [{ index, m }] : []));
    if (!companies.length) return;
    const text = skeleton(s.text, companies);
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern.re)) {
        // Each party is on the left of the wording (a subject, the first name) or on its right.
        const parties: (Relation['parties'][number] & { left: boolean })[] = [];
        pattern.groups.forEach((role, g) => {
          for (const id of idsIn(match[g + 1] ?? ''))
            parties.push({ mention: id, role, left: g === 0 && pattern.groups.length > 1 });
        });
        let viaSubject = false;
        if (pattern.subject) {
          // "The plant will be close to its customers, including ⟨1⟩ and ⟨2⟩": a subject the wording
          // lists is one of the others; the company is the one the report spoke of before.
          // "⟨1⟩ is a customer of ⟨2⟩, which has also entered a partnership with ⟨3⟩": the clause's own subject.
          const relative = /⟨(\d+)⟩[^⟨]{0,40}?,\s+(?:which|who)\b[^⟨]*$/u.exec(text.slice(0, match.index));
          let subject = relative ? Number(relative[1]) : subjectOf(i);
          for (let back = 1; back <= 3 && subject !== null && parties.some((q) => q.mention === subject); back++)
            subject = i - back >= 0 ? subjectOf(i - back) : null;
          // "The Prime Minister signed a memorandum with ⟨1⟩": a sentence whose first actor is a person
          // has no company of the report's as its subject.
          const firstCompany = Math.min(...companies.map((c) => c.m.start));
          if (
            subject !== null &&
            mentions[subject]!.sentence !== i &&
            mentions.some((m) => m.sentence === i && m.label === 'Person' && m.start < firstCompany)
          )
            subject = null;
          if (subject !== null && !parties.some((q) => mentions[q.mention]!.key === mentions[subject]!.key)) {
            parties.unshift({ mention: subject, role: pattern.subject, left: true });
            viaSubject = true;
          }
        }
        // "⟨1⟩ joined its rivals ⟨2⟩ and ⟨3⟩ in signing supply deals with ⟨4⟩": all of them sign one.
        if (pattern.name === 'supply-deal-with')
          for (const id of idsIn(text.slice(0, match.index)))
            if (!parties.some((q) => q.mention === id)) parties.push({ mention: id, role: 'partner', left: true });
        const keys = new Set(parties.map((q) => mentions[q.mention]!.key));
        if (keys.size < 2) continue;
        const left = parties.filter((q) => q.left);
        const right = parties.filter((q) => !q.left);
        const groups =
          (pattern.pairwise ?? PAIRWISE.has(pattern.kind)) && keys.size > 2
            ? left.length && right.length
              ? left.flatMap((a) => right.map((b) => [a, b]))
              : parties.slice(1).map((b) => [parties[0]!, b])
            : [parties];
        for (const group of groups)
          out.push({
            kind: pattern.kind,
            sentence: i,
            parties: group.map(({ mention, role }) => ({ mention, role })),
            pattern: pattern.name,
            viaSubject,
          });
      }
    }
  });
  return out;
}
