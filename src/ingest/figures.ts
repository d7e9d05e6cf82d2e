/**
 * Numbers a report states and dates it sets: capacities (GWh, MWh), jobs, investments in any
 * currency, stakes, each with the year of its clause ("32 GWh by 2024"), and the dated steps of a
 * plant or a company (production, construction, opening, completion) as milestones.
 */
import nlp from 'compromise';

export type ClaimProperty =
  'capacity' | 'capacity-target' | 'initial-capacity' | 'jobs-target' | 'investment' | 'stake';
export type Bound = 'by' | 'from' | 'in';

export interface Figure {
  property: ClaimProperty;
  value: number;
  unit: string;
  approximate: boolean;
  year: number | null;
  bound: Bound | null;
  modality: 'target' | 'actual' | 'possibility';
  /** Offset in the sentence. */
  at: number;
}

const NUMBER = '(\\d[\\d,.]*\\d|\\d)';
const APPROX =
  '((?:up to|over|more than|around|about|nearly|almost|some|approximately|roughly|at least|an estimated|close to|nearly)\\s+)?';
const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCY: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  us$: 'USD',
  $us: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  huf: 'HUF',
  forint: 'HUF',
  forints: 'HUF',
  sek: 'SEK',
  kronor: 'SEK',
  nok: 'NOK',
  krw: 'KRW',
  won: 'KRW',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  pln: 'PLN',
  zloty: 'PLN',
  czk: 'CZK',
  chf: 'CHF',
};

/** "1,500" → 1500, "4.1" → 4.1, "3.000" (a European thousands point) → 3000. */
/** "4.1 billion" is 4,100,000,000, not the 4099999999.9999995 that floating point makes of it. */
const scaled = (number: string, scale: string | undefined) => {
  const factor = SCALE[(scale ?? '').toLowerCase()] ?? 1;
  return factor >= 1000 ? Math.round(parseNumber(number) * factor) : parseNumber(number) * factor;
};

export function parseNumber(text: string): number {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  return Number(text.replace(/,/g, '.'));
}

const YEAR =
  /\b(by|in|from|until|till|before|after|since|end of|start of|beginning of|early|late|mid|the end of|as early as|within)[\s-]+(?:the\s+)?(?:(?:end|start|beginning|first half|second half|first quarter|second quarter|third quarter|fourth quarter|spring|summer|autumn|fall|winter|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+of)?,?\s+)?(20\d\d)\b/gi;

export interface DateMention {
  year: number;
  bound: Bound;
  at: number;
  /** "since 2017", "in 2019, the company": a date before the report. */
  word: string;
}

export function yearsIn(text: string): DateMention[] {
  return [...text.matchAll(YEAR)].map((m) => {
    const word = m[1]!.toLowerCase();
    const bound: Bound = /^(by|until|till|before|end of|the end of|within)$/.test(word)
      ? 'by'
      : /^(from|after|since|as early as|start of|beginning of)$/.test(word)
        ? 'from'
        : 'in';
    return { year: Number(m[2]), bound, at: m.index, word };
  });
}

/** The year of a figure: the nearest date in its clause, after it first. */
function yearNear(text: string, at: number, end: number): DateMention | null {
  // A date belongs to the figure when no clause boundary and no other number stand between them.
  const clause = (from: number, to: number) => !/[;:,]|\.\s|\d/.test(text.slice(from, to));
  const dates = yearsIn(text);
  const after = dates.filter((d) => d.at >= end && d.at - end <= 70 && clause(end, d.at));
  const before = dates.filter((d) => d.at < at && at - d.at <= 50 && clause(d.at + 4, at));
  return after[0] ?? before.at(-1) ?? null;
}

const modalityOf = (context: string): Figure['modality'] =>
  /\b(could|may|might|potential|possibly|possible|option)\b/i.test(context)
    ? 'possibility'
    : /\b(currently|current|existing|already|has an? (?:annual )?(?:production )?capacity|now has)\b/i.test(context)
      ? 'actual'
      : 'target';

/** Amounts in parentheses are conversions of the one before ("4.1 billion euros ($4.3 billion)"). */
const inBrackets = (text: string, at: number) => {
  const open = text.lastIndexOf('(', at);
  return open >= 0 && text.indexOf(')', open) >= at && text.lastIndexOf(')', at) < open;
};

export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  const push = (f: Omit<Figure, 'year' | 'bound' | 'modality'>, end: number) => {
    const date = yearNear(text, f.at, end);
    const context = text.slice(Math.max(0, f.at - 60), end + 40);
    out.push({ ...f, year: date?.year ?? null, bound: date?.bound ?? null, modality: modalityOf(context) });
  };
  // Capacity: "16GWh", "50-gigawatt hours", "from an initial 6 to 10 GWh".
  const capacity = new RegExp(
    `${APPROX}${NUMBER}(?:\\s*(?:to|-|–)\\s*${NUMBER})?[\\s-]*(GWh|gigawatt[- ]?hours?|MWh|megawatt[- ]?hours?)\\b`,
    'gi',
  );
  for (const m of text.matchAll(capacity)) {
    const unit = /^(g|gigawatt)/i.test(m[4]!) ? 'GWh' : 'MWh';
    const pre = text.slice(Math.max(0, m.index - 50), m.index);
    const range = m[3] !== undefined;
    const initial = /\b(initial(?:ly)?|first phase|first production line|in the first|first stage|start with)\b/i.test(
      pre + (range ? m[0] : ''),
    );
    const current = /\b(currently|current|existing|has (?:an? )?(?:annual )?(?:production )?capacity of|now)\b/i.test(
      pre,
    );
    if (range)
      push(
        { property: 'initial-capacity', value: parseNumber(m[2]!), unit, approximate: Boolean(m[1]), at: m.index },
        m.index + m[0].length,
      );
    push(
      {
        property: range ? 'capacity-target' : initial ? 'initial-capacity' : current ? 'capacity' : 'capacity-target',
        value: parseNumber(range ? m[3]! : m[2]!),
        unit,
        approximate: Boolean(m[1]),
        at: m.index,
      },
      m.index + m[0].length,
    );
  }
  // Jobs: "1,500 jobs", "up to 2,000 staff", "about 1000 new positions".
  const jobs = new RegExp(
    `${APPROX}${NUMBER}\\s+(?:(?:new|direct|additional|permanent|high-quality|skilled|local|full-time|qualified)\\s+)*(jobs|employees|workers|positions|staff|people)\\b`,
    'gi',
  );
  for (const m of text.matchAll(jobs)) {
    if (/\bindirect\s*$/i.test(text.slice(0, m.index))) continue;
    const value = parseNumber(m[2]!);
    if (value < 10 || value > 100000) continue;
    push(
      { property: 'jobs-target', value, unit: 'jobs', approximate: Boolean(m[1]), at: m.index },
      m.index + m[0].length,
    );
  }
  // Investment: "€700 million", "4.1 billion euros", "$571mn", "1.4 trillion won", "HUF 400 billion".
  if (
    /\b(invest\w*|cost\w*|spend\w*|spent|funding|worth|capital|financ\w*|project|plant|factory|gigafactory)\b/i.test(
      text,
    )
  ) {
    const symbol = '(€|£|US\\$|\\$US|\\$|EUR|USD|GBP|HUF|SEK|NOK|KRW|CNY|RMB|PLN|CZK|CHF)';
    const scale = '(thousand|million|mn|m|billion|bn|b|trillion|tn)?';
    const before = new RegExp(`${APPROX}${symbol}\\s?${NUMBER}\\s?${scale}(?![\\p{L}])`, 'giu');
    const after = new RegExp(
      `${APPROX}${NUMBER}\\s?${scale}\\s+(euros?|EUR|EUROS|US dollars|dollars?|pounds?|won|forints?|kronor|yuan|zloty)\\b`,
      'giu',
    );
    const amounts: { at: number; end: number; value: number; unit: string; approximate: boolean }[] = [];
    for (const m of text.matchAll(before)) {
      const unit = CURRENCY[m[2]!.toLowerCase()];
      if (!unit) continue;
      amounts.push({
        at: m.index,
        end: m.index + m[0].length,
        value: scaled(m[3]!, m[4]),
        unit,
        approximate: Boolean(m[1]),
      });
    }
    for (const m of text.matchAll(after)) {
      const unit = CURRENCY[m[4]!.toLowerCase()];
      if (!unit || amounts.some((a) => a.at <= m.index && a.end > m.index)) continue;
      amounts.push({
        at: m.index,
        end: m.index + m[0].length,
        value: scaled(m[2]!, m[3]),
        unit,
        approximate: Boolean(m[1]),
      });
    }
    for (const a of amounts.sort((x, y) => x.at - y.at)) {
      if (inBrackets(text, a.at) || a.value < 1e6) continue;
      // State aid is not the project's investment.
      if (
        /^\s*(?:in\s+(?:state\s+)?(?:support|subsid\w*|aid|grants?)|of\s+(?:state\s+)?(?:support|subsid\w*|aid))/i.test(
          text.slice(a.end),
        )
      )
        continue;
      if (/\b(?:subsid\w*|grants?|aid|support)\s+(?:of\s+)?$/i.test(text.slice(0, a.at))) continue;
      push({ property: 'investment', value: a.value, unit: a.unit, approximate: a.approximate, at: a.at }, a.end);
    }
  }
  // Stakes: "a 25% stake", "a majority stake of 83.75 per cent", "the 50-50 joint venture".
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)\s+(?:stake|share|interest|holding)/gi))
    push({ property: 'stake', value: Number(m[1]), unit: '%', approximate: false, at: m.index }, m.index + m[0].length);
  for (const m of text.matchAll(/\bstake of (\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)/gi))
    push({ property: 'stake', value: Number(m[1]), unit: '%', approximate: false, at: m.index }, m.index + m[0].length);
  for (const m of text.matchAll(/\b(50)[-–](50)\s+joint[- ]venture/gi))
    push({ property: 'stake', value: 50, unit: '%', approximate: false, at: m.index }, m.index + m[0].length);
  return out;
}

/** What a dated sentence says is due: the events a plant or a company goes through. */
export const EVENTS: [string, RegExp][] = [
  [
    'starts production',
    /\b(production|produc(?:e|es|ing)|operations?|operational|operating|online|commission(?:ing|ed)?|up and running|start(?:s|ed)? up|mass production|first (?:cells|batteries|cars))\b/i,
  ],
  [
    'starts construction',
    /\b(construction|groundbreaking|build(?:ing)? work|works? (?:on|at)|begin(?:s)? the works)\b/i,
  ],
  ['is completed', /\b(complet(?:e|ed|ion)|finished|handed over|ready)\b/i],
  ['opens', /\b(open(?:s|ed|ing)?|inaugurat\w*)\b/i],
];

const UNITS: [RegExp, string][] = [
  [/^(gwh|gigawatt[- ]?hours?)$/i, 'GWh'],
  [/^(mwh|megawatt[- ]?hours?)$/i, 'MWh'],
  [/^direct jobs$/i, 'direct jobs'],
  [/^(new )?jobs$/i, 'jobs'],
  [/^electric (cars|vehicles)$/i, 'electric cars'],
  [/^(cars|vehicles)$/i, 'cars'],
  [/^euros?$/i, 'EUR'],
  [/^dollars?$/i, 'USD'],
];

/** A milestone's measure: "nearly 4500 direct jobs", "one million electric cars", "32GWh". */
export function measureOf(text: string): { value: number; unit: string; approximate: boolean } | null {
  const re =
    /\b((?:nearly|about|around|almost|approximately|up to|over|more than) )?((?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)(?: (?:thousand|million|billion))?)[ -]?(GWh|gigawatt[- ]?hours?|MWh|megawatt[- ]?hours?|direct jobs|new jobs|jobs|electric cars|electric vehicles|cars|vehicles|euros?|dollars?)\b/i;
  const m = re.exec(text);
  if (!m) return null;
  const value = /^\d[\d,.]*$/.test(m[2]!) ? parseNumber(m[2]!) : (nlp(m[2]!).numbers().get() as number[])[0];
  const unit = UNITS.find(([u]) => u.test(m[3]!))?.[1];
  if (value === undefined || !Number.isFinite(value) || !unit) return null;
  return { value, unit, approximate: Boolean(m[1]) };
}
