import { aliasHistory, deleteAlias, getByAlias, setAlias } from './aliases.js';
import { localArtifactPath } from './artifact-location.js';
import type { ListModelsOptions, RegisteredModelPage } from './model-search.js';
import { listModels } from './model-search.js';
import type { ModelRef } from './model-ref.js';
import { parseModelRef } from './model-ref.js';
import type { CreateVersionOptions, ListVersionsOptions } from './model-versions.js';
import * as versions from './model-versions.js';
import type { PromoteOptions, PromotionResult } from './promotion.js';
import { promote } from './promotion.js';
import type { AliasEvent, AuditOptions, ModelVersion, RegisteredModel } from './records.js';
import type { CreateModelOptions } from './registered-models.js';
import * as models from './registered-models.js';
import type { RegistryConnection } from './registry-connection.js';

/**
 * The model registry over a store: registered models, their numbered versions, tags, aliases
 * with an audit log of every move, and promotion behind threshold checks. Works the same on
 * SQLite and PostgreSQL; version numbers and alias moves stay consistent under concurrent
 * writers, in one process or many.
 *
 * @example
 * const registry = new Registry(await openStore());
 * const v = await registry.createVersion('credit', { artifactUri: 'models/credit.argmin', createModel: true });
 * const result = await registry.promote('credit', v.version, {
 *   alias: 'champion', require: ['metrics.cv_roc_auc >= 0.8'], mustBeat: 'champion',
 * });
 * const champion = await registry.resolve('credit@champion');
 */
export class Registry {
  readonly #connection: RegistryConnection;

  constructor(connection: RegistryConnection) {
    this.#connection = Object.freeze({ db: connection.db, dialect: connection.dialect });
  }

  /** Registers a new model; StoreConflictError when the name is taken. */
  createModel(name: string, options: CreateModelOptions = {}): Promise<RegisteredModel> {
    return models.createModel(this.#connection, name, options);
  }

  getModel(name: string): Promise<RegisteredModel> {
    return models.getModel(this.#connection, name);
  }

  /** A page of models in name order, filtered by a name pattern and tags. */
  listModels(options: ListModelsOptions = {}): Promise<RegisteredModelPage> {
    return listModels(this.#connection, options);
  }

  updateModel(
    name: string,
    changes: { readonly description: string | null },
  ): Promise<RegisteredModel> {
    return models.updateModelDescription(this.#connection, name, changes.description);
  }

  setModelTag(name: string, key: string, value: string): Promise<void> {
    return models.setModelTag(this.#connection, name, key, value);
  }

  deleteModelTag(name: string, key: string): Promise<void> {
    return models.deleteModelTag(this.#connection, name, key);
  }

  /** Deletes the model with all its versions, tags, aliases and alias history. */
  deleteModel(name: string): Promise<void> {
    return models.deleteModel(this.#connection, name);
  }

  /** Registers the model's next version (1, 2, …; never reused, even after a delete). */
  createVersion(name: string, options: CreateVersionOptions): Promise<ModelVersion> {
    return versions.createVersion(this.#connection, name, options);
  }

  getVersion(name: string, version: number): Promise<ModelVersion> {
    return versions.getVersion(this.#connection, name, version);
  }

  /** The model's versions, oldest first. */
  listVersions(name: string, options: ListVersionsOptions = {}): Promise<ModelVersion[]> {
    return versions.listVersions(this.#connection, name, options);
  }

  updateVersion(
    name: string,
    version: number,
    changes: { readonly description: string | null },
  ): Promise<ModelVersion> {
    return versions.updateVersionDescription(this.#connection, name, version, changes.description);
  }

  /** Archives a version; refused while it holds an alias. */
  archiveVersion(name: string, version: number): Promise<ModelVersion> {
    return versions.setVersionStatus(this.#connection, name, version, 'archived');
  }

  /** Makes an archived version active again. */
  restoreVersion(name: string, version: number): Promise<ModelVersion> {
    return versions.setVersionStatus(this.#connection, name, version, 'active');
  }

  /** Deletes a version; aliases pointing at it are removed and the removals logged. */
  deleteVersion(name: string, version: number, audit: AuditOptions = {}): Promise<void> {
    return versions.deleteVersion(this.#connection, name, version, audit);
  }

  setVersionTag(name: string, version: number, key: string, value: string): Promise<void> {
    return versions.setVersionTag(this.#connection, name, version, key, value);
  }

  deleteVersionTag(name: string, version: number, key: string): Promise<void> {
    return versions.deleteVersionTag(this.#connection, name, version, key);
  }

  /** Points the alias at the version; returns the logged move, or undefined if nothing moved. */
  setAlias(
    name: string,
    alias: string,
    version: number,
    audit: AuditOptions = {},
  ): Promise<AliasEvent | undefined> {
    return setAlias(this.#connection, name, alias, version, audit);
  }

  deleteAlias(name: string, alias: string, audit: AuditOptions = {}): Promise<AliasEvent> {
    return deleteAlias(this.#connection, name, alias, audit);
  }

  getByAlias(name: string, alias: string): Promise<ModelVersion> {
    return getByAlias(this.#connection, name, alias);
  }

  /** Every move of the model's aliases (or of one), oldest first. */
  aliasHistory(name: string, alias?: string): Promise<AliasEvent[]> {
    return aliasHistory(this.#connection, name, alias);
  }

  /** Moves `options.alias` to the version only if every check passes; reports every check. */
  promote(name: string, version: number, options: PromoteOptions): Promise<PromotionResult> {
    return promote(this.#connection, name, version, options);
  }

  /** The version a reference names: `credit@champion`, `credit/3`, `models:/credit@champion`, … */
  resolve(ref: string | ModelRef): Promise<ModelVersion> {
    const parsed = typeof ref === 'string' ? parseModelRef(ref) : ref;
    return parsed.alias !== undefined
      ? this.getByAlias(parsed.name, parsed.alias)
      : this.getVersion(parsed.name, parsed.version);
  }

  /** The local path of a version's artifact (resolving `file://` and `runs:/` URIs). */
  artifactPath(version: Pick<ModelVersion, 'artifactUri'>): Promise<string> {
    return localArtifactPath(this.#connection, version.artifactUri);
  }
}
