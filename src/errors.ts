/**
 * Every error argmin throws, each with a stable `code` (for scripts and logs) and, where it can
 * reach an HTTP client, a `statusCode`. Messages say what was wrong, where, and what to do.
 *
 * @example
 * try { model.predict(X); } catch (e) { if (e instanceof NotFittedError) ... }
 */
export class ArgminError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 500, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** Where in a file something went wrong; every field optional because not every source has lines. */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

function describeLocation(where: Location): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** `predict`, `transform` or `score` was called before `fit`. */
export class NotFittedError extends ArgminError {
  constructor(what: string) {
    super('ARGMIN_NOT_FITTED', `${what} is not fitted yet: call fit() before using it.`, 500);
  }
}

/** A hyper-parameter or option is out of range or of the wrong type. */
export class InvalidParameterError extends ArgminError {
  readonly parameter: string;

  constructor(owner: string, parameter: string, problem: string) {
    super('ARGMIN_INVALID_PARAMETER', `${owner}: option "${parameter}" ${problem}.`, 400);
    this.parameter = parameter;
  }
}

/** A data file could not be read or parsed (ragged row, bad value, empty file, ...). */
export class DataReadError extends ArgminError {
  readonly location: Location;

  constructor(where: Location, problem: string, options?: { cause?: unknown }) {
    super('ARGMIN_DATA_READ', `${describeLocation(where)}${problem}`, 400, options);
    this.location = where;
  }
}

/** The data is readable but unusable as asked: missing target, one class, all-missing column, ... */
export class DataValidationError extends ArgminError {
  readonly location: Location;

  constructor(where: Location, problem: string) {
    super('ARGMIN_DATA_INVALID', `${describeLocation(where)}${problem}`, 400);
    this.location = where;
  }
}

/** Input does not match what a fitted pipeline or model expects (columns, types, categories). */
export class SchemaMismatchError extends ArgminError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      'ARGMIN_SCHEMA_MISMATCH',
      `Input does not match the model's signature:\n  - ${problems.join('\n  - ')}`,
      400,
    );
    this.problems = problems;
  }
}

/** Matrix and target shapes disagree, or a matrix has the wrong number of columns. */
export class ShapeMismatchError extends ArgminError {
  constructor(problem: string) {
    super('ARGMIN_SHAPE_MISMATCH', problem, 400);
  }
}

/** A solver stopped at its iteration limit before meeting its tolerance (a warning-grade error). */
export class ConvergenceError extends ArgminError {
  constructor(owner: string, problem: string) {
    super('ARGMIN_NOT_CONVERGED', `${owner}: ${problem}`, 500);
  }
}

/** A model artifact is corrupt, truncated, of a future format version, or names unknown steps. */
export class ArtifactError extends ArgminError {
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super('ARGMIN_ARTIFACT_INVALID', `Model artifact ${path}: ${problem}`, 500, options);
    this.path = path;
  }
}

/** Serialized state (toJSON output) does not describe a known, well-formed object. */
export class DeserializationError extends ArgminError {
  constructor(what: string, problem: string) {
    super('ARGMIN_DESERIALIZATION', `Cannot restore ${what}: ${problem}`, 500);
  }
}

/** The tracking store cannot be opened or used: bad URI, unreachable server, newer schema. */
export class StoreError extends ArgminError {
  constructor(problem: string, options?: { cause?: unknown }) {
    super('ARGMIN_STORE', problem, 500, options);
  }
}

/** A name (experiment, run, model, version, alias) that the store does not hold. */
export class StoreNotFoundError extends ArgminError {
  constructor(what: string, name: string) {
    super('ARGMIN_NOT_FOUND', `${what} "${name}" does not exist`, 404);
  }
}

/** Writing would break a store rule: a param logged twice with another value, a duplicate name. */
export class StoreConflictError extends ArgminError {
  constructor(problem: string) {
    super('ARGMIN_CONFLICT', problem, 409);
  }
}

/**
 * A search filter or order-by that does not parse. `column` is 1-based in the filter string, so
 * a terminal can put a caret under it.
 */
export class FilterParseError extends ArgminError {
  readonly input: string;
  readonly column: number;

  constructor(input: string, column: number, problem: string) {
    super(
      'ARGMIN_FILTER_PARSE',
      `Filter error at column ${column}: ${problem}\n  ${input}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
      400,
    );
    this.input = input;
    this.column = column;
  }
}

/** An artifact path that would escape the artifact root (`..`, absolute paths, symlinks). */
export class UnsafePathError extends ArgminError {
  constructor(path: string, problem: string) {
    super('ARGMIN_UNSAFE_PATH', `Artifact path "${path}": ${problem}`, 400);
  }
}

/**
 * A persisted study has started as many trials as its budget (`maxTrials`) allows: the worker
 * asking for another should stop. `optimize` and `argmin worker` end quietly on it.
 */
export class TrialBudgetExhaustedError extends ArgminError {
  readonly study: string;

  constructor(study: string, maxTrials: number) {
    super(
      'ARGMIN_TRIAL_BUDGET_EXHAUSTED',
      `Study "${study}" has started all ${maxTrials} trials of its budget; no new trial can start`,
      409,
    );
    this.study = study;
  }
}

/** The server is past its queue limit: answer 503 with Retry-After. */
export class OverloadedError extends ArgminError {
  readonly retryAfterSeconds: number;

  /** @param why what is full, e.g. "the model's queue holds 5000 rows (limit 4096)" */
  constructor(why: string, retryAfterSeconds = 1) {
    super('ARGMIN_OVERLOADED', `${why}; retry after ${retryAfterSeconds} s`, 503);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
