/**
 * Battery plants: a facility noun ("gigafactory", "battery plant", "cell factory") tied to a place ("in
 * Sagunto", "the Debrecen plant", "in the German town of Heide") and to the company that builds or runs
 * it: the one named with the noun ("CATL's plant", "the plant of Svolt", "its plant"), else the
 * sentence's subject, else the company the report is about; a battery subsidiary the report names runs
 * its parent's plants. The place is the first one named after the noun: "in Zaragoza, Spain" is
 * Zaragoza. A "second" or "third" plant in a place is another plant than the first. A facility noun its
 * sentence does not place ("the Northvolt Ett plant") lies in the first town the report names.
 */
import type { Mention } from './mentions';
import type { Sentence } from './text';

export interface PlantMention {
  sentence: number;
  /** Mention indexes: the operator (a company) and the place (a site). */
  operator: number | null;
  place: number;
  /** How the operator was found: `before`, `of`, `its`, `near`, `subject`, `main`, or from another mention of a plant in that `place`. */
  operatorCue: 'before' | 'of' | 'its' | 'near' | 'subject' | 'main' | 'place' | 'cell-maker';
  /** The facility word as written, lower case: "gigafactory", "battery plant". */
  noun: string;
  pattern: 'noun-in-place' | 'place-noun' | 'chosen' | 'report-town';
  /** The noun says battery, cell or gigafactory (not a car plant or a warehouse). */
  battery: boolean;
  /** "its second Hungarian factory", "a third plant in Hungary": another plant than the first one there. */
  ordinal: number | null;
}

const ORDINALS = ['second', 'third', 'fourth', 'fifth'];
const ORDINAL = new RegExp(`\\b(${ORDINALS.join('|')})\\s+(?:[\\p{L}-]+\\s+|⟨s\\d+⟩\\s+){0,3}$`, 'iu');

const NOUN =
  '((?:(?:new|first|second|third|planned|future|existing|large-scale|european|own|largest|biggest|\\d+\\s*gwh|lfp|nmc|lithium[- ]ion|lithium iron phosphate|solid[- ]state|power|ev|electric[- ]vehicle|electric car|car|automotive|\\(lfp\\))\\s+){0,4}(?:(?:battery|batteries|cell|cells|battery[- ]cell|module and pack|module|pack|cathode|anode|electrode)\\s+)?(?:gigafactory|gigafactories|giga-factory|gigaplant|plant|plants|factory|factories|facility|facilities|production site|production facility|production plant|manufacturing plant|manufacturing facility|manufacturing site|production line|production centre|production center|production hall|site|sites))';
const NOT_BATTERY =
  /\b(car|vehicle|assembly|engine|wind|turbine|hydrogen|appliance|appliances|home|headquarters|office|warehouse|sorting|molding|cnt|electrode|recycling|steel|chemical)\b/i;
const BATTERY =
  /\b(batter(?:y|ies)|cells?|gigafactor(?:y|ies)|giga-factory|gigaplant|lfp|lithium|solid[- ]state|module|pack)\b/i;

/** The sentence with company mentions as ⟨c n⟩ and site mentions as ⟨s n⟩. */
function skeleton(text: string, mentions: Mention[], sentence: number, eligible: (mention: number) => boolean): string {
  const own = mentions
    .map((m, index) => ({ m, index }))
    .filter(
      ({ m, index }) => m.sentence === sentence && (m.label === 'Site' || (m.label === 'Company' && eligible(index))),
    )
    .sort((a, b) => a.m.start - b.m.start);
  let out = '';
  let at = 0;
  for (const { m, index } of own) {
    if (m.start < at) continue;
    out += `${text.slice(at, m.start)}⟨${m.label === 'Company' ? 'c' : 's'}${index}⟩`;
    at = m.end;
  }
  return out + text.slice(at);
}

const PLACE_AFTER = new RegExp(
  `${NOUN}[”"’]?,?\\s+(?:(?:[\\p{Ll}-]+|⟨c\\d+⟩|\\d[\\d.,]*\\s*GWh|\\d[\\d.,]*)\\s+){0,6}?(in|at|near|around|outside|close to|located in|based in|on the outskirts of|in the town of|in the city of|in the municipality of)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,5}?(?:⟨s\\d+⟩\\s+(?=⟨s))?⟨s(\\d+)⟩`,
  'giu',
);
/** "a factory in the German town of Testville": the town, not the country's adjective. */
const TOWN_OF = new RegExp(
  `${NOUN}[”"’]?,?\\s+(?:(?:[\\p{Ll}-]+|⟨c\\d+⟩)\\s+){0,5}?(?:in|near|at)\\s+the\\s+(?:⟨s\\d+⟩\\s+|[\\p{L}-]+\\s+){0,3}(?:town|city|municipality|village|commune)\\s+of\\s+⟨s(\\d+)⟩`,
  'giu',
);
/** "The production of its cells … is based in Willstätt": where a company's production is, a plant is. */
const PRODUCTION_IN =
  /\b((?:cell |battery )?production)\b(?:\s+of\s+[^.⟨]{0,80}?)?,?\s+(?:is|are|will be)\s+(?:based|located)\s+in\s+⟨s(\d+)⟩/giu;
const PLACE_BEFORE = new RegExp(`⟨s(\\d+)⟩(?:['’]s)?\\s+${NOUN}`, 'giu');
/** "have chosen Scarmagno … to build the first Gigafactory", "selected Gothenburg, Sweden to establish a plant". */
const CHOSEN = new RegExp(
  `\\b(?:chosen|chose|choose|selected|picked|opted for)\\s+⟨s(\\d+)⟩[^.]{0,120}?\\b${NOUN}`,
  'giu',
);
const NEAR = /⟨s(\d+)⟩,?\s+(?:near|close to|not far from|outside)\s+(?:the\s+city\s+of\s+)?⟨s(\d+)⟩/gu;
/** More places after the first: "plants in Germany and Hungary". */
const MORE_PLACES = /^(?:\s*\(⟨s\d+⟩\))?(?:\s*(?:,|and|, and)\s*⟨s(\d+)⟩(?:\s*\(⟨s\d+⟩\))?)+/u;

/** "the Northvolt Ett plant", "the factory", "its gigafactory": a facility noun after a determiner. */
const BARE = new RegExp(
  `\\b(?:the|its|their|this|that|our)\\s+(?:[\\p{Lu}][\\p{L}-]*\\s+|⟨c\\d+⟩\\s+){0,3}${NOUN}\\b`,
  'iu',
);

/**
 * The first town a report names: a report about one plant names its town first ("There's a boom-town
 * feel in Skelleftea … the Northvolt Ett plant"), so a plant named without a place lies there. Measured
 * on held-out reports, this did better than the place of the last plant named before.
 */
function reportTown(mentions: Mention[]): number | null {
  let first: number | null = null;
  mentions.forEach((m, index) => {
    if (m.label !== 'Site' || m.kind !== 'city') return;
    const at = first === null ? null : mentions[first]!;
    if (!at || m.sentence < at.sentence || (m.sentence === at.sentence && m.start < at.start)) first = index;
  });
  return first;
}

export function findPlants(
  all: Sentence[],
  mentions: Mention[],
  subjectOf: (sentence: number) => number | null,
  main: number | null,
  eligible: (mention: number) => boolean,
): PlantMention[] {
  const out: PlantMention[] = [];
  const town = reportTown(mentions);
  all.forEach((s, i) => {
    const text = skeleton(s.text, mentions, i, eligible);
    const operatorFor = (at: number): Pick<PlantMention, 'operator' | 'operatorCue'> => {
      const left = text.slice(Math.max(0, at - 70), at);
      const right = text.slice(at);
      const before = /⟨c(\d+)⟩(?:['’]s)?\s+(?:(?!(?:its|their)\s)[\p{L}\d-]+\s+){0,5}$/iu.exec(left);
      if (before) return { operator: Number(before[1]), operatorCue: 'before' };
      const of = new RegExp(
        `^${NOUN}\\s+(?:of|by|operated by|run by|built by|owned by|planned by|developed by|to be built by|that|which)\\s+(?:the\\s+)?⟨c(\\d+)⟩`,
        'iu',
      ).exec(right);
      if (of) return { operator: Number(of[2]), operatorCue: 'of' };
      // "its" is the first company of its clause ("Samsung SDI supplies BMW from its plant"), else the
      // one named last before the clause ("… with Zellfabrik: the start-up will supply from its gigafactory").
      if (/\b(?:its|their)\s+(?:[\p{L}\d-]+\s+|⟨s\d+⟩\s+){0,4}$/iu.test(left)) {
        const clause = Math.max(0, ...[...text.slice(0, at).matchAll(/[:;]/g)].map((m) => m.index + 1));
        // "… CATL, which signed agreements for its Hungarian plant": the relative clause's company.
        const which = /⟨c(\d+)⟩\)?,?\s+(?:which|who|that)\b[^⟨]*(?:⟨s\d+⟩[^⟨]*)*$/u.exec(text.slice(clause, at));
        const first = which ?? /⟨c(\d+)⟩/.exec(text.slice(clause, at));
        const last = [...text.slice(0, clause).matchAll(/⟨c(\d+)⟩/g)].at(-1);
        const its = first ?? last;
        if (its) return { operator: Number(its[1]), operatorCue: 'its' };
      }
      const subject = subjectOf(i);
      if (
        subject !== null &&
        eligible(subject) &&
        mentions[subject]!.sentence === i &&
        mentions[subject]!.start < s.text.length
      )
        if (text.indexOf(`⟨c${subject}⟩`) >= 0 && text.indexOf(`⟨c${subject}⟩`) < at)
          return { operator: subject, operatorCue: 'subject' };
      const near = [...text.slice(Math.max(0, at - 100), at).matchAll(/⟨c(\d+)⟩/g)].at(-1);
      if (near) return { operator: Number(near[1]), operatorCue: 'near' };
      if (subject !== null && eligible(subject)) return { operator: subject, operatorCue: 'subject' };
      return { operator: main, operatorCue: 'main' };
    };
    const push = (at: number, noun: string, place: number, pattern: PlantMention['pattern']) => {
      if (mentions[place]?.label !== 'Site') return;
      // A research and development facility is not a plant.
      if (/\b(?:research(?: and development)?|R&D|development)\s+$/i.test(text.slice(Math.max(0, at - 40), at))) return;
      const battery = BATTERY.test(noun) || (!NOT_BATTERY.test(noun) && BATTERY.test(s.text));
      if (NOT_BATTERY.test(noun) && !/gigafactor|batter|cells?\b/i.test(noun)) return;
      // The ordinal is written before the noun, or before the place that precedes it.
      const head = /^\S+/.exec(noun)?.[0] ?? '';
      const word =
        (ORDINALS.includes(head.toLowerCase()) ? head : ORDINAL.exec(text.slice(Math.max(0, at - 40), at))?.[1]) ?? '';
      const ordinal = word ? ORDINALS.indexOf(word.toLowerCase()) + 2 : null;
      out.push({ sentence: i, place, noun: noun.toLowerCase(), pattern, battery, ordinal, ...operatorFor(at) });
    };
    for (const m of text.matchAll(PLACE_AFTER)) {
      const noun = m[1]!;
      // "its first gigafactory outside India": outside a town is near it, outside a country is not in it.
      if (m[2] === 'outside' && mentions[Number(m[3])]?.kind !== 'city') continue;
      push(m.index, noun, Number(m[3]), 'noun-in-place');
      const more = MORE_PLACES.exec(text.slice(m.index + m[0].length));
      if (more && /s$/.test(noun))
        for (const x of more[0].matchAll(/⟨s(\d+)⟩/g)) push(m.index, noun, Number(x[1]), 'noun-in-place');
    }
    for (const m of text.matchAll(TOWN_OF)) push(m.index, m[1]!, Number(m[2]), 'noun-in-place');
    for (const m of text.matchAll(PRODUCTION_IN)) push(m.index, m[1]!, Number(m[2]), 'noun-in-place');
    for (const m of text.matchAll(PLACE_BEFORE)) push(m.index + m[0].indexOf(m[2]!), m[2]!, Number(m[1]), 'place-noun');
    for (const m of text.matchAll(CHOSEN)) push(m.index, m[2]!, Number(m[1]), 'chosen');
    // "The Northvolt Ett plant will …": a facility noun its sentence does not place.
    const bare = BARE.exec(text);
    if (bare && town !== null && !out.some((p) => p.sentence === i)) {
      const at = bare.index + bare[0].length - bare[1]!.length;
      push(at, bare[1]!, town, 'report-town');
    }
  });
  // "in Bourbourg, near Dunkirk": a plant of that operator said to be in Dunkirk is the one in Bourbourg.
  const near = new Map<string, string>();
  all.forEach((s, i) => {
    for (const m of skeleton(s.text, mentions, i, eligible).matchAll(NEAR))
      near.set(mentions[Number(m[2])]!.key, mentions[Number(m[1])]!.key);
  });
  for (const p of out) {
    const town = near.get(mentions[p.place]!.key);
    const operator = p.operator === null ? null : mentions[p.operator]!.key;
    const there = out.find(
      (q) => q.operator !== null && mentions[q.operator]!.key === operator && mentions[q.place]!.key === town,
    );
    if (there) p.place = there.place;
  }
  // One noun read by two patterns ("chose Douai for its second French battery plant", "the Thuringia
  // plant in Germany") is one plant, at the finer place.
  const fineness = (p: PlantMention) => ({ city: 3, region: 2, country: 1 })[mentions[p.place]!.kind ?? ''] ?? 0;
  return out.filter(
    (p) =>
      !out.some(
        (q) =>
          q !== p &&
          q.sentence === p.sentence &&
          q.pattern !== p.pattern &&
          q.noun === p.noun &&
          q.operator === p.operator &&
          fineness(q) > fineness(p) &&
          (!mentions[p.place]!.place?.country ||
            mentions[q.place]!.place?.country === mentions[p.place]!.place?.country),
      ),
  );
}

/** A plant's name: "PowerCo gigafactory in Sagunto", "CATL battery plant in Debrecen", "Samsung SDI third battery factory in Hungary". */
export function plantName(operator: string, noun: string, place: string, ordinal: number | null = null): string {
  const kind = /giga/.test(noun)
    ? 'gigafactory'
    : /cell/.test(noun)
      ? 'cell factory'
      : /factor/.test(noun)
        ? 'battery factory'
        : 'battery plant';
  // "FREYR Battery plant", not "FREYR Battery battery plant".
  const what = /batter(?:y|ies)$/i.test(operator) ? kind.replace(/^battery /, '') : kind;
  return `${operator} ${ordinal ? `${ORDINALS[ordinal - 2]} ` : ''}${what} in ${place}`;
}

/** A battery or new subsidiary ("its newly founded subsidiary", "global battery business"), not any. */
const UNIT =
  '(?:[\\p{L}-]+\\s+){0,2}?(?:battery|cell|new|newly founded|newly established)\\s+(?:[\\p{L}-]+\\s+){0,1}?(?:subsidiary|business|unit|arm|division|company)';
/** "Agratas, Tata Group's global battery business": the subsidiary, then its parent. */
const UNIT_AFTER = new RegExp(`^['’]s\\s+${UNIT}\\b`, 'iu');
/** "The Volkswagen Group's new battery subsidiary PowerCo": the parent, then its subsidiary. */
const UNIT_BETWEEN = new RegExp(`^['’]s\\s+${UNIT}\\s*,?\\s*$`, 'iu');
/** "PowerCo SE, owned by the Volkswagen Group". */
const OWNED_BETWEEN =
  /^,?\s*(?:which is\s+|a\s+)?(?:wholly[- ])?(?:owned by|a subsidiary of|a unit of|part of)\s+(?:the\s+)?$/i;
/** "… the new plant with its newly founded subsidiary, Farasis Energy Europe": the subject's. */
const ITS_UNIT = new RegExp(`\\b(?:its|their)\\s+${UNIT}\\s*,?\\s*$`, 'iu');
const JV_NAMED = /\bjoint[- ]venture\s*,?\s*(?:called|named|dubbed)?\s*$/i;

/**
 * Companies that run their parent's plants: a battery subsidiary the report names ("Agratas, Tata
 * Group's global battery business", "PowerCo SE, owned by the Volkswagen Group"). Keys are the
 * parents' mention keys, values the subsidiaries' mention indexes.
 */
export function plantSubsidiaries(
  all: Sentence[],
  mentions: Mention[],
  subjectOf: (sentence: number) => number | null,
  eligible: (mention: number) => boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  const set = (parent: number | null, unit: number) => {
    if (parent === null || !eligible(parent) || !eligible(unit)) return;
    if (mentions[parent]!.key !== mentions[unit]!.key) out.set(mentions[parent]!.key, unit);
  };
  all.forEach((s, i) => {
    const companies = mentions
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => m.sentence === i && m.label === 'Company')
      .sort((a, b) => a.m.start - b.m.start);
    companies.forEach(({ m, index }, k) => {
      if (ITS_UNIT.test(s.text.slice(Math.max(0, m.start - 60), m.start))) set(subjectOf(i), index);
      // "X and Y formed a joint venture, Novo Energy, to build a gigafactory": the venture runs it.
      if (JV_NAMED.test(s.text.slice(Math.max(0, m.start - 40), m.start)))
        for (const other of companies) if (other.index !== index) set(other.index, index);
      const next = companies[k + 1];
      if (!next) return;
      const between = s.text.slice(m.end, next.m.start);
      if (UNIT_BETWEEN.test(between)) set(index, next.index);
      if (OWNED_BETWEEN.test(between)) set(next.index, index);
      if (/^,?\s*(?:a\s+|the\s+)?$/.test(between) && UNIT_AFTER.test(s.text.slice(next.m.end))) set(next.index, index);
    });
  });
  return out;
}

/** Operators found only by where a company stands in the sentence or the report, not by the wording. */
const WEAK = new Set<PlantMention['operatorCue']>(['subject', 'near', 'main']);

/**
 * A battery plant that a carmaker would run only by its place in the sentence ("Volkswagen … will see them
 * build a battery gigafactory in Germany", after Northvolt) is the battery maker's named last up to that
 * sentence: the carmaker buys from the plant, the cell maker runs it.
 */
export function preferCellMakers(
  plants: PlantMention[],
  mentions: Mention[],
  kindsOf: (mention: number) => string[],
): void {
  for (const p of plants) {
    if (p.operator === null || !WEAK.has(p.operatorCue)) continue;
    const kinds = kindsOf(p.operator);
    if (!kinds.includes('automaker') || kinds.includes('battery-maker')) continue;
    const maker = mentions
      .map((m, index) => ({ m, index }))
      .filter(
        ({ m, index }) => m.sentence <= p.sentence && m.label === 'Company' && kindsOf(index).includes('battery-maker'),
      )
      .at(-1);
    if (maker) Object.assign(p, { operator: maker.index, operatorCue: 'cell-maker' });
  }
}
