import { DataValidationError } from '../errors.js';
import type { Column, ColumnRole } from './column.js';
import { columnLength, takeColumn } from './column.js';

/**
 * A columnar table: named, typed columns of equal length, each with a role. Frames are
 * immutable; methods that change shape return a new Frame sharing untouched columns.
 *
 * @example
 * const frame = new Frame([numericColumn('age', [31, 45]), categoricalFromStrings('home', ['rent', 'own'])]);
 * frame.column('age'); // NumericColumn
 */
export class Frame {
  readonly rows: number;
  readonly columns: readonly Column[];
  /** Where this frame came from (a file path), used in error messages. */
  readonly source: string | undefined;
  readonly #byName: Map<string, Column>;
  readonly #roles: ReadonlyMap<string, ColumnRole>;

  constructor(
    columns: readonly Column[],
    options: {
      roles?: ReadonlyMap<string, ColumnRole> | Record<string, ColumnRole>;
      source?: string;
      rows?: number;
    } = {},
  ) {
    this.source = options.source;
    this.#byName = new Map();
    for (const column of columns) {
      if (this.#byName.has(column.name)) {
        throw new DataValidationError(
          { file: this.source, column: column.name },
          'duplicate column name; rename one of the columns so every name is unique.',
        );
      }
      this.#byName.set(column.name, column);
    }
    const rows = columns.length > 0 ? columnLength(columns[0]) : (options.rows ?? 0);
    for (const column of columns) {
      if (columnLength(column) !== rows) {
        throw new DataValidationError(
          { file: this.source, column: column.name },
          `column has ${columnLength(column)} rows but the frame has ${rows}.`,
        );
      }
    }
    this.rows = rows;
    this.columns = Object.freeze([...columns]);
    const roles =
      options.roles instanceof Map ? options.roles : new Map(Object.entries(options.roles ?? {}));
    for (const name of roles.keys()) {
      if (!this.#byName.has(name)) {
        throw new DataValidationError(
          { file: this.source, column: name },
          `a role was given for a column that does not exist; columns are: ${this.columnNames.join(', ')}.`,
        );
      }
    }
    this.#roles = roles;
  }

  get columnNames(): string[] {
    return this.columns.map((c) => c.name);
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** The named column; a clear error lists the columns there are when it does not exist. */
  column(name: string): Column {
    const column = this.#byName.get(name);
    if (column === undefined) {
      throw new DataValidationError(
        { file: this.source, column: name },
        `no such column; columns are: ${this.columnNames.join(', ')}.`,
      );
    }
    return column;
  }

  role(name: string): ColumnRole {
    this.column(name);
    return this.#roles.get(name) ?? 'feature';
  }

  /** Names of the columns whose role is `feature`, in frame order. */
  get featureNames(): string[] {
    return this.columns
      .filter((c) => (this.#roles.get(c.name) ?? 'feature') === 'feature')
      .map((c) => c.name);
  }

  get roles(): ReadonlyMap<string, ColumnRole> {
    return this.#roles;
  }

  /** A frame with only the named columns, in the order given. */
  select(names: readonly string[]): Frame {
    return this.#derive(names.map((n) => this.column(n)));
  }

  /** A frame without the named columns. */
  drop(names: readonly string[]): Frame {
    for (const n of names) this.column(n);
    const dropped = new Set(names);
    return this.#derive(this.columns.filter((c) => !dropped.has(c.name)));
  }

  /** A frame with `column` added, or replacing the column of the same name in place. */
  withColumn(column: Column): Frame {
    const exists = this.#byName.has(column.name);
    const columns = exists
      ? this.columns.map((c) => (c.name === column.name ? column : c))
      : [...this.columns, column];
    return this.#derive(columns);
  }

  /** A frame with the rows at `indices` (copied, in that order). */
  take(indices: ArrayLike<number>): Frame {
    for (let i = 0; i < indices.length; i++) {
      const r = indices[i];
      if (!(r >= 0 && r < this.rows))
        throw new RangeError(`row index ${r} is outside 0..${this.rows - 1}`);
    }
    return new Frame(
      this.columns.map((c) => takeColumn(c, indices)),
      { roles: this.#roles, source: this.source, rows: indices.length },
    );
  }

  /** A frame with roles changed (others kept). */
  withRoles(roles: Record<string, ColumnRole>): Frame {
    const merged = new Map(this.#roles);
    for (const [name, role] of Object.entries(roles)) merged.set(name, role);
    return new Frame(this.columns, { roles: merged, source: this.source, rows: this.rows });
  }

  #derive(columns: readonly Column[]): Frame {
    const names = new Set(columns.map((c) => c.name));
    const roles = new Map([...this.#roles].filter(([name]) => names.has(name)));
    return new Frame(columns, { roles, source: this.source, rows: this.rows });
  }
}
