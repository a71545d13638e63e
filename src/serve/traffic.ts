import { Rng } from '../data/rng.js';
import { InvalidParameterError } from '../errors.js';

/**
 * How an endpoint spreads requests over model slots (a slot is what `argmin serve` loaded:
 * `credit@champion`, `credit/3`, …):
 * - `single`: everything to the primary;
 * - `shadow`: answer with the primary, mirror each request to the candidate and log both;
 * - `canary`: `percent`% of requests to the candidate;
 * - `ab`: weighted split, sticky per request key (header `key`, default `x-argmin-key`);
 * - `bandit`: Thompson sampling (Beta posteriors on rewards in [0, 1]) or Exp3 over `arms`,
 *   learning from `POST /v1/feedback`.
 */
export type TrafficPolicyConfig =
  | { readonly type: 'single' }
  | { readonly type: 'shadow'; readonly candidate: string }
  | { readonly type: 'canary'; readonly candidate: string; readonly percent: number }
  | {
      readonly type: 'ab';
      readonly variants: readonly { readonly model: string; readonly weight: number }[];
      readonly key?: string;
    }
  | {
      readonly type: 'bandit';
      readonly arms: readonly string[];
      readonly algorithm?: 'thompson' | 'exp3';
      /** Exp3's exploration rate (default 0.1). */
      readonly gamma?: number;
    };

/** Where one request goes: `slot` answers, `shadow` (if any) is mirrored, `arm` is for feedback. */
export interface RouteDecision {
  readonly slot: string;
  readonly shadow?: string;
  readonly arm?: number;
}

export interface TrafficPolicy {
  readonly config: TrafficPolicyConfig;
  /** Every slot this policy may send to (the server checks they are loaded). */
  readonly slots: readonly string[];
  route(key: string | undefined): RouteDecision;
  /** A reward in [0, 1] for a decision this policy made (bandits learn; others ignore). */
  reward?(arm: number, reward: number): void;
  /** What the policy has learned, for `GET /v1/models`. */
  state?(): unknown;
}

/** Builds the policy of an endpoint whose primary slot is `primary`. */
export function createTrafficPolicy(
  primary: string,
  config: TrafficPolicyConfig = { type: 'single' },
  seed = Date.now(),
): TrafficPolicy {
  const rng = new Rng(seed);
  switch (config.type) {
    case 'single':
      return { config, slots: [primary], route: () => ({ slot: primary }) };
    case 'shadow':
      return {
        config,
        slots: [primary, config.candidate],
        route: () => ({ slot: primary, shadow: config.candidate }),
      };
    case 'canary': {
      if (!(config.percent >= 0 && config.percent <= 100))
        throw invalid('percent', `is ${config.percent}; give a number from 0 to 100`);
      const share = config.percent / 100;
      return {
        config,
        slots: [primary, config.candidate],
        route: () => ({ slot: rng.next() < share ? config.candidate : primary }),
      };
    }
    case 'ab':
      return abPolicy(config, rng);
    case 'bandit':
      return config.algorithm === 'exp3' ? exp3Policy(config, rng) : thompsonPolicy(config, rng);
    default:
      throw invalid(
        'type',
        `is ${JSON.stringify((config as { type: unknown }).type)}; use single, shadow, canary, ab or bandit`,
      );
  }
}

function abPolicy(config: Extract<TrafficPolicyConfig, { type: 'ab' }>, rng: Rng): TrafficPolicy {
  const weights = config.variants.map((v) => v.weight);
  if (config.variants.length < 2 || weights.some((w) => !(w >= 0)) || sum(weights) <= 0)
    throw invalid(
      'variants',
      'needs two or more models with non-negative weights summing to more than 0',
    );
  const total = sum(weights);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  const pick = (u: number): number => {
    const k = cumulative.findIndex((c) => u < c);
    return k < 0 ? cumulative.length - 1 : k;
  };
  return {
    config,
    slots: config.variants.map((v) => v.model),
    route: (key) => {
      const arm = pick(key === undefined ? rng.next() : hashUnit(key));
      return { slot: config.variants[arm].model, arm };
    },
  };
}

function thompsonPolicy(
  config: Extract<TrafficPolicyConfig, { type: 'bandit' }>,
  rng: Rng,
): TrafficPolicy {
  checkArms(config.arms);
  const alpha = config.arms.map(() => 1);
  const beta = config.arms.map(() => 1);
  const pulls = config.arms.map(() => 0);
  return {
    config,
    slots: [...config.arms],
    route: () => {
      let arm = 0;
      let best = -1;
      for (let k = 0; k < alpha.length; k++) {
        const draw = betaSample(rng, alpha[k], beta[k]);
        if (draw > best) {
          best = draw;
          arm = k;
        }
      }
      pulls[arm]++;
      return { slot: config.arms[arm], arm };
    },
    reward: (arm, reward) => {
      alpha[arm] += reward;
      beta[arm] += 1 - reward;
    },
    state: () =>
      config.arms.map((model, k) => ({
        model,
        pulls: pulls[k],
        meanReward: alpha[k] / (alpha[k] + beta[k]),
      })),
  };
}

function exp3Policy(
  config: Extract<TrafficPolicyConfig, { type: 'bandit' }>,
  rng: Rng,
): TrafficPolicy {
  checkArms(config.arms);
  const gamma = config.gamma ?? 0.1;
  if (!(gamma > 0 && gamma <= 1)) throw invalid('gamma', `is ${gamma}; give a number in (0, 1]`);
  const k = config.arms.length;
  // Log-weights keep exp() from overflowing on long runs.
  const logW = config.arms.map(() => 0);
  const pulls = config.arms.map(() => 0);
  const probabilities = (): number[] => {
    const top = Math.max(...logW);
    const w = logW.map((l) => Math.exp(l - top));
    const total = sum(w);
    return w.map((x) => (1 - gamma) * (x / total) + gamma / k);
  };
  return {
    config,
    slots: [...config.arms],
    route: () => {
      const p = probabilities();
      let u = rng.next();
      let arm = 0;
      while (arm < k - 1 && u >= p[arm]) u -= p[arm++];
      pulls[arm]++;
      return { slot: config.arms[arm], arm };
    },
    reward: (arm, reward) => {
      const p = probabilities()[arm];
      logW[arm] += (gamma * reward) / (p * k);
    },
    state: () => {
      const p = probabilities();
      return config.arms.map((model, a) => ({ model, pulls: pulls[a], probability: p[a] }));
    },
  };
}

/** A Beta(a, b) draw from two Gamma draws (Marsaglia–Tsang). */
export function betaSample(rng: Rng, a: number, b: number): number {
  const x = gammaSample(rng, a);
  const y = gammaSample(rng, b);
  return x / (x + y);
}

function gammaSample(rng: Rng, shape: number): number {
  if (shape < 1)
    return gammaSample(rng, shape + 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u || Number.MIN_VALUE) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** FNV-1a of a string mapped to [0, 1): the same key lands in the same bucket everywhere. */
export function hashUnit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so keys differing in the last character spread over the whole range.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

function checkArms(arms: readonly string[]): void {
  if (!Array.isArray(arms) || arms.length < 2) throw invalid('arms', 'needs two or more models');
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function invalid(parameter: string, text: string): InvalidParameterError {
  return new InvalidParameterError('traffic policy', parameter, text);
}
