/**
 * A learned confidence: one logistic regression per kind of proposal over the cues that found it
 * (features), trained on the gold corpus's dev split by `kg train` and committed as
 * data/weights.json. A proposal's confidence is the model's probability that the gold file holds it.
 * Entities are proposed from FLOOR; agreements, plants, milestones and claims from the threshold with the
 * best F1 on dev, which may be lower: a reviewer sees each one's confidence, and `--auto` accepts only
 * what reaches its own, higher bound.
 */
import { writeFileSync } from 'node:fs';
import { paths } from '../config';
import weights from './data/weights.json';

export const FAMILIES = ['Company', 'Person', 'Site', 'partnership', 'plant', 'milestone', 'claim'] as const;
export type Family = (typeof FAMILIES)[number];
export type Features = Record<string, number>;

export interface Model {
  bias: number;
  weights: Record<string, number>;
  /** The confidence from which a proposal of this kind is made: the one with the best F1 on dev. */
  threshold: number;
}
export interface Weights {
  about: string;
  trainedOn: string;
  models: Record<Family, Model>;
}

/** Records below this confidence are not proposed, nor used as the parties of a relation. */
export const FLOOR = 0.5;

let models: Record<Family, Model> = (weights as Weights).models;

/** Replaces the models in use (after training, or to measure without them). */
export function useModels(next: Record<Family, Model>): void {
  models = next;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The confidence a proposal of a kind needs (FLOOR for entities; tuned on dev for relations and figures). */
export const thresholdOf = (family: Family): number => models[family].threshold ?? FLOOR;

export function confidence(family: Family, features: Features): number {
  const model = models[family];
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return Math.round(sigmoid(z) * 1000) / 1000;
}

export interface Sample {
  family: Family;
  features: Features;
  /** True when the gold file holds the proposal. */
  label: boolean;
}

/**
 * Fits one model per family by gradient descent on the L2-regularised log loss (features are few and
 * mostly 0/1, so a plain batch descent converges in a few thousand steps).
 */
export function fit(
  samples: Sample[],
  options = { steps: 4000, rate: 0.5, l2: 0.01 },
  expected: Partial<Record<Family, number>> = {},
): Record<Family, Model> {
  const out = {} as Record<Family, Model>;
  for (const family of FAMILIES) {
    const rows = samples.filter((s) => s.family === family);
    const names = [...new Set(rows.flatMap((r) => Object.keys(r.features)))].sort();
    const w = new Map(names.map((n) => [n, 0]));
    let bias = 0;
    for (let step = 0; step < options.steps && rows.length; step++) {
      const grad = new Map(names.map((n) => [n, 0]));
      let gradBias = 0;
      for (const r of rows) {
        let z = bias;
        for (const [n, v] of Object.entries(r.features)) z += w.get(n)! * v;
        const error = sigmoid(z) - (r.label ? 1 : 0);
        gradBias += error;
        for (const [n, v] of Object.entries(r.features)) grad.set(n, grad.get(n)! + error * v);
      }
      bias -= (options.rate * gradBias) / rows.length;
      for (const n of names) w.set(n, w.get(n)! - options.rate * (grad.get(n)! / rows.length + options.l2 * w.get(n)!));
    }
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const model: Model = {
      bias: round(bias),
      weights: Object.fromEntries(names.map((n) => [n, round(w.get(n)!)]).filter(([, v]) => v !== 0)),
      threshold: FLOOR,
    };
    // Entities keep FLOOR (relations rest on them); the other kinds take the threshold with the best F1,
    // recall counted over what the gold files hold (`expected`), else over the candidates they hold: a
    // gold fact no candidate found still counts against a threshold that drops the candidates found.
    if (!['Company', 'Person', 'Site'].includes(family)) {
      const scores = rows.map((r) => {
        let z = model.bias;
        for (const [n, v] of Object.entries(r.features)) z += (model.weights[n] ?? 0) * v;
        return { p: sigmoid(z), label: r.label };
      });
      const positives = Math.max(expected[family] ?? 0, scores.filter((x) => x.label).length);
      let best = -1;
      for (let t = 0.1; t <= 0.7 + 1e-9; t += 0.05) {
        const kept = scores.filter((x) => x.p >= t);
        const tp = kept.filter((x) => x.label).length;
        const f1 = tp ? (2 * tp) / (kept.length + positives) : 0;
        if (f1 > best) [best, model.threshold] = [f1, round(t)];
      }
    }
    out[family] = model;
  }
  return out;
}

export function saveModels(trained: Record<Family, Model>, trainedOn: string, file = paths.ingestWeights): void {
  const out: Weights = {
    about:
      'Logistic-regression weights of the extractor’s confidence, one model per kind of proposal; written by `npx kg train` (src/ingest/train.ts), do not edit by hand.',
    trainedOn,
    models: trained,
  };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
