/**
 * The parsed form of a run filter: what the parser produces and the compiler reads. Every user
 * string (keys, values, patterns) stays a value here; nothing in this tree ever becomes SQL text.
 */

/** Which per-key aggregate of a metric a field reads; `last` when none is named. */
export type MetricAggregate = 'last' | 'first' | 'min' | 'max' | 'count';

export const METRIC_AGGREGATES: readonly MetricAggregate[] = [
  'last',
  'first',
  'min',
  'max',
  'count',
];

/** The run columns a filter may name, as `attributes.<name>` or bare. */
export type RunAttribute =
  | 'run_id'
  | 'name'
  | 'status'
  | 'start_time'
  | 'end_time'
  | 'experiment_id'
  | 'parent_run_id'
  | 'source_commit'
  | 'source_command'
  | 'host'
  | 'argmin_version';

export interface AttributeInfo {
  readonly type: 'text' | 'integer';
  readonly nullable: boolean;
}

export const RUN_ATTRIBUTES: Readonly<Record<RunAttribute, AttributeInfo>> = Object.freeze({
  run_id: { type: 'text', nullable: false },
  name: { type: 'text', nullable: false },
  status: { type: 'text', nullable: false },
  start_time: { type: 'integer', nullable: false },
  end_time: { type: 'integer', nullable: true },
  experiment_id: { type: 'text', nullable: false },
  parent_run_id: { type: 'text', nullable: true },
  source_commit: { type: 'text', nullable: true },
  source_command: { type: 'text', nullable: true },
  host: { type: 'text', nullable: true },
  argmin_version: { type: 'text', nullable: false },
});

/** What a filter or an order-by term names. */
export type FieldRef =
  | { readonly kind: 'metric'; readonly key: string; readonly aggregate: MetricAggregate }
  | { readonly kind: 'param'; readonly key: string }
  | { readonly kind: 'tag'; readonly key: string }
  | { readonly kind: 'attribute'; readonly name: RunAttribute }
  | { readonly kind: 'dataset'; readonly name: 'name' | 'fingerprint' };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A literal: a JS string for quoted text, a number (NaN and ±Infinity included) otherwise. */
export type FilterValue = string | number;

export type FilterNode =
  | { readonly type: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly type: 'not'; readonly operand: FilterNode }
  | {
      readonly type: 'compare';
      readonly field: FieldRef;
      readonly operator: ComparisonOperator;
      readonly value: FilterValue;
    }
  | {
      readonly type: 'like';
      readonly field: FieldRef;
      readonly pattern: string;
      readonly caseInsensitive: boolean;
      readonly negated: boolean;
    }
  | {
      readonly type: 'in';
      readonly field: FieldRef;
      readonly values: readonly FilterValue[];
      readonly negated: boolean;
    }
  /** `IS NULL`: the run has no such metric / param / tag / dataset, or the column is NULL. */
  | { readonly type: 'isNull'; readonly field: FieldRef; readonly negated: boolean }
  /** `IS NAN`: metrics only; the run logged the metric and its value is NaN. */
  | { readonly type: 'isNaN'; readonly field: FieldRef; readonly negated: boolean };
