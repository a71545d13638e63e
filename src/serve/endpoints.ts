import { InvalidParameterError } from '../errors.js';
import type { ModelHost } from './model-host.js';
import type { RouteDecision, TrafficPolicy, TrafficPolicyConfig } from './traffic.js';
import { createTrafficPolicy } from './traffic.js';

/** An endpoint's configuration: which slot answers by default and how traffic is split. */
export interface EndpointConfig {
  /** Slot key answering by default (default: the first loaded slot of that name). */
  readonly primary?: string;
  readonly policy?: TrafficPolicyConfig;
}

/** `POST /v1/models/<name>/predict`: a name routed to slots by a traffic policy. */
export interface Endpoint {
  readonly name: string;
  readonly primary: string;
  readonly policy: TrafficPolicy;
}

/** Which endpoint and arm a rewarded request had been routed to. */
export interface FeedbackOutcome {
  readonly endpoint: string;
  readonly arm: number;
}

/** Decisions kept for feedback: request id → endpoint and arm (bounded, oldest dropped). */
const MAX_DECISIONS = 100_000;

/**
 * The endpoints of a server, one per model name, each with its traffic policy; remembers the
 * bandit decisions of recent requests so `POST /v1/feedback` can reward them.
 */
export class Endpoints {
  readonly byName = new Map<string, Endpoint>();
  readonly #decisions = new Map<string, { endpoint: Endpoint; arm: number }>();
  readonly #seed: number | undefined;

  constructor(seed?: number) {
    this.#seed = seed;
  }

  /** Adds or replaces the endpoint `name`; every slot its policy names must be loaded. */
  configure(host: ModelHost, name: string, config: EndpointConfig = {}): Endpoint {
    const primary =
      config.primary ?? [...host.slots.values()].find((s) => s.name === name)?.key ?? name;
    const policy = createTrafficPolicy(primary, config.policy, this.#seed);
    const missing = policy.slots.filter((key) => !host.slots.has(key));
    if (missing.length > 0)
      throw new InvalidParameterError(
        `endpoint "${name}"`,
        'policy',
        `routes to ${missing.map((m) => `"${m}"`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not loaded; add ${missing.length === 1 ? 'it' : 'them'} to the models served (loaded: ${[...host.slots.keys()].join(', ') || 'none'})`,
      );
    const endpoint: Endpoint = { name, primary, policy };
    this.byName.set(name, endpoint);
    return endpoint;
  }

  /** Adds an endpoint for every slot name that has none (serving its first slot). */
  ensureDefaults(host: ModelHost): void {
    for (const slot of host.slots.values())
      if (!this.byName.has(slot.name)) this.configure(host, slot.name, { primary: slot.key });
  }

  /** Drops endpoints whose slots are gone. */
  prune(host: ModelHost): void {
    for (const [name, endpoint] of this.byName)
      if (endpoint.policy.slots.some((key) => !host.slots.has(key))) this.byName.delete(name);
  }

  /** Routes one request; remembers bandit/A-B arms under the request id. */
  route(endpoint: Endpoint, requestId: string, key: string | undefined): RouteDecision {
    const decision = endpoint.policy.route(key);
    if (decision.arm !== undefined && endpoint.policy.reward !== undefined) {
      if (this.#decisions.size >= MAX_DECISIONS) {
        const oldest = this.#decisions.keys().next().value as string;
        this.#decisions.delete(oldest);
      }
      this.#decisions.set(requestId, { endpoint, arm: decision.arm });
    }
    return decision;
  }

  /**
   * A reward for a routed request. Returns false when the request id is unknown (too old, not
   * routed by a learning policy, or answered by another worker process).
   */
  feedback(requestId: string, reward: number): FeedbackOutcome | null {
    const decision = this.#decisions.get(requestId);
    if (decision === undefined) return null;
    this.#decisions.delete(requestId);
    decision.endpoint.policy.reward?.(decision.arm, reward);
    return { endpoint: decision.endpoint.name, arm: decision.arm };
  }

  /**
   * A reward that another worker process applied to its copy of `endpoint`, applied here too
   * so every worker's bandit learns from all the feedback. False when this server has no such
   * endpoint with a learning policy.
   */
  rewardArm(endpoint: string, arm: number, reward: number): boolean {
    const policy = this.byName.get(endpoint)?.policy;
    if (policy?.reward === undefined || !(arm >= 0 && arm < policy.slots.length)) return false;
    policy.reward(arm, reward);
    return true;
  }
}
