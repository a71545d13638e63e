import { InvalidParameterError } from '../errors.js';
import type { MetricDirection } from '../metrics/index.js';
import type { ModelVersionRow } from '../store/schema.js';
import { currentVersion, moveAlias } from './aliases.js';
import { decodeMetrics } from './json-fields.js';
import { knownMetricDirection } from './metric-direction.js';
import { throwVersionNotFound, versionRow } from './model-versions.js';
import { validateAliasName, validateVersionNumber } from './names.js';
import type { AliasEvent, AuditOptions } from './records.js';
import type { RegistryConnection } from './registry-connection.js';
import type { MetricRequirement } from './requirement.js';
import { compare, parseRequirement } from './requirement.js';
import { lockModel, writeTransaction } from './write-transaction.js';

export interface PromoteOptions extends AuditOptions {
  /** The alias to move when every check passes, e.g. `champion`. */
  readonly alias: string;
  /** Threshold tests on the version's metrics, e.g. `metrics.auc >= 0.85`. */
  readonly require?: readonly string[];
  /** An alias whose current version this one must strictly beat on `metric`, e.g. `champion`. */
  readonly mustBeat?: string;
  /** The metric `mustBeat` compares; defaults to the metric of the first requirement. */
  readonly metric?: string;
  /** Overrides the metric's known direction; unknown metrics default to higher-is-better. */
  readonly direction?: MetricDirection;
}

/** One promotion check and why it passed or failed. */
export interface PromotionCheck {
  readonly check: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface PromotionResult {
  readonly name: string;
  readonly version: number;
  readonly alias: string;
  /** True when every check passed (the alias points at the version now). */
  readonly promoted: boolean;
  /** The version the alias pointed at before, or null. */
  readonly previousVersion: number | null;
  /** Every check, passed or not, in the order: status, requirements, must-beat. */
  readonly checks: readonly PromotionCheck[];
  /** The logged move; absent when refused or when the alias already pointed at the version. */
  readonly event?: AliasEvent;
}

/**
 * Runs every check and moves the alias only when all pass, in one transaction holding the
 * model's lock, so the version compared against is still the one under the alias at the move.
 */
export async function promote(
  connection: RegistryConnection,
  name: string,
  version: number,
  options: PromoteOptions,
): Promise<PromotionResult> {
  validateAliasName(options.alias, 'promote', name);
  validateVersionNumber(version, 'promote');
  const requirements = (options.require ?? []).map(parseRequirement);
  const rival = rivalMetric(options, requirements);
  return writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    const row = await versionRow(db, name, version);
    if (row === undefined) return throwVersionNotFound(db, name, version);
    const metrics = decodeMetrics(row.metrics, `${name}/${version}`);
    const checks: PromotionCheck[] = [statusCheck(row)];
    for (const requirement of requirements) checks.push(requirementCheck(requirement, metrics));
    if (options.mustBeat !== undefined && rival !== undefined) {
      const holder = await currentVersion(db, name, options.mustBeat);
      const holderRow = holder === undefined ? undefined : await versionRow(db, name, holder);
      checks.push(beatCheck(row, metrics, options.mustBeat, holderRow, rival));
    }
    const previousVersion = (await currentVersion(db, name, options.alias)) ?? null;
    const base = { name, version, alias: options.alias, previousVersion, checks };
    if (!checks.every((check) => check.passed)) return { ...base, promoted: false };
    const event = await moveAlias(db, name, options.alias, version, options);
    return event === undefined ? { ...base, promoted: true } : { ...base, promoted: true, event };
  });
}

interface RivalMetric {
  readonly metric: string;
  readonly direction: MetricDirection;
}

function rivalMetric(
  options: PromoteOptions,
  requirements: readonly MetricRequirement[],
): RivalMetric | undefined {
  if (options.mustBeat === undefined) return undefined;
  validateAliasName(options.mustBeat, 'promote');
  const metric = options.metric ?? requirements[0]?.metric;
  if (metric === undefined)
    throw new InvalidParameterError(
      'promote',
      'metric',
      `is needed with mustBeat: name the metric on which the version must beat @${options.mustBeat}`,
    );
  return { metric, direction: options.direction ?? knownMetricDirection(metric) ?? 'maximize' };
}

function statusCheck(row: ModelVersionRow): PromotionCheck {
  return row.status === 'active'
    ? { check: 'status is active', passed: true, detail: 'active' }
    : {
        check: 'status is active',
        passed: false,
        detail: `${row.name}/${row.version} is archived; an archived version cannot hold an alias`,
      };
}

function requirementCheck(
  requirement: MetricRequirement,
  metrics: Readonly<Record<string, number>>,
): PromotionCheck {
  const value = metrics[requirement.metric];
  if (value === undefined)
    return {
      check: requirement.text,
      passed: false,
      detail: `the version has no metric "${requirement.metric}"`,
    };
  return {
    check: requirement.text,
    passed: compare(value, requirement.operator, requirement.threshold),
    detail: `${requirement.metric} = ${value}`,
  };
}

function beatCheck(
  row: ModelVersionRow,
  metrics: Readonly<Record<string, number>>,
  alias: string,
  holder: ModelVersionRow | undefined,
  { metric, direction }: RivalMetric,
): PromotionCheck {
  const better = direction === 'maximize' ? 'higher' : 'lower';
  const check = `must beat @${alias} on ${metric} (${better} is better)`;
  if (holder === undefined)
    return { check, passed: true, detail: `no version holds @${alias}; nothing to beat` };
  if (holder.version === row.version)
    return { check, passed: true, detail: `version ${row.version} already holds @${alias}` };
  const mine = metrics[metric];
  const theirs = decodeMetrics(holder.metrics, `${holder.name}/${holder.version}`)[metric];
  if (mine === undefined || theirs === undefined)
    return {
      check,
      passed: false,
      detail: `cannot compare: version ${mine === undefined ? row.version : holder.version} has no metric "${metric}"`,
    };
  const wins = direction === 'maximize' ? mine > theirs : mine < theirs;
  return {
    check,
    passed: wins,
    detail: `${metric} ${mine} vs ${theirs} for version ${holder.version} (@${alias})`,
  };
}
