import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { loadModel } from '../model/index.js';
import type { AliasEvent, ModelVersion, PromotionResult } from '../registry/index.js';
import { Registry } from '../registry/index.js';
import { ArgminError } from '../errors.js';
import { connectStore, resolveStoreUri } from '../store/index.js';
import { positiveInteger } from './option-parsers.js';
import { storeCommandOptions, printJson } from './store-command.js';
import { formatNumber, renderTable } from './table.js';

interface CommonOptions {
  store?: string;
  format: 'table' | 'json';
}

/** `argmin models …`: the model registry from the command line. */
export function registerModelsCommand(program: Command): void {
  const models = program
    .command('models')
    .description('registered models: versions, aliases, promotion, archive and delete');

  storeCommandOptions(models.command('list').description('list registered models'))
    .option('--name <pattern>', 'name pattern, SQL LIKE (case-insensitive), e.g. "%credit%"')
    .option('--tag <key=value>', 'only models with this tag (repeatable)', collectTag, {})
    .option('--max <n>', 'models per page (1-1000)', positiveInteger('--max'), 100)
    .option('--page-token <token>', 'the next-page token printed by the previous page')
    .action(async (options: CommonOptions & ListOptions) => {
      await withRegistry(options, async (registry) => {
        const page = await registry.listModels({
          nameLike: options.name,
          tags: options.tag,
          maxResults: options.max,
          pageToken: options.pageToken,
        });
        if (options.format === 'json') return printJson(page);
        console.log(
          renderTable(
            ['name', 'latest', 'aliases', 'tags', 'updated'],
            page.models.map((m) => [
              m.name,
              m.latestVersion ?? '-',
              pairs(m.aliases, '@'),
              pairs(m.tags, '='),
              time(m.updatedAt),
            ]),
          ),
        );
        if (page.nextPageToken !== undefined)
          console.log(`\nmore: --page-token ${page.nextPageToken}`);
      });
    });

  storeCommandOptions(
    models.command('show').description('a model, its versions and its alias history'),
  )
    .argument('<name>', 'registered model name')
    .action(async (name: string, options: CommonOptions) => {
      await withRegistry(options, async (registry) => {
        const model = await registry.getModel(name);
        const versions = await registry.listVersions(name);
        const history = await registry.aliasHistory(name);
        if (options.format === 'json') return printJson({ model, versions, aliasHistory: history });
        console.log(pc.bold(model.name) + (model.description ? ` — ${model.description}` : ''));
        console.log(`created ${time(model.createdAt)}, updated ${time(model.updatedAt)}`);
        if (Object.keys(model.tags).length > 0) console.log(`tags: ${pairs(model.tags, '=')}`);
        console.log(`\n${versionTable(versions)}`);
        if (history.length > 0) console.log(`\nalias history\n${historyTable(history)}`);
      });
    });

  storeCommandOptions(models.command('versions').description("list a model's versions"))
    .argument('<name>', 'registered model name')
    .addOption(new Option('--status <status>', 'only this status').choices(['active', 'archived']))
    .action(async (name: string, options: CommonOptions & { status?: 'active' | 'archived' }) => {
      await withRegistry(options, async (registry) => {
        const versions = await registry.listVersions(name, { status: options.status });
        if (options.format === 'json') return printJson(versions);
        console.log(versionTable(versions));
      });
    });

  storeCommandOptions(
    models.command('register').description('register a saved model as the next version'),
  )
    .argument('<name>', 'registered model name (created if absent)')
    .argument('<artifact>', 'path of the saved model (.argmin file or directory)')
    .option('--run <id>', 'the run that produced the model')
    .option('--alias <alias>', 'point this alias at the new version')
    .option('--description <text>', 'what this version is')
    .option('--tag <key=value>', 'version tag (repeatable)', collectTag, {})
    .action(async (name: string, artifact: string, options: CommonOptions & RegisterOptions) => {
      const { manifest } = await loadModel(artifact);
      await withRegistry(options, async (registry) => {
        const created = await registry.createVersion(name, {
          artifactUri: resolve(artifact),
          runId: options.run,
          signature: manifest.signature,
          metrics: manifest.metrics,
          description: options.description,
          tags: options.tag,
          createModel: true,
        });
        if (options.alias !== undefined)
          await registry.setAlias(name, options.alias, created.version, {
            reason: 'set on register',
          });
        const version = await registry.getVersion(name, created.version);
        if (options.format === 'json') return printJson(version);
        console.log(`Registered ${pc.bold(`${name}/${version.version}`)} from ${artifact}`);
        if (options.alias !== undefined)
          console.log(`${name}@${options.alias} → ${version.version}`);
      });
    });

  storeCommandOptions(
    models
      .command('alias')
      .description('point an alias at a version, delete it (--delete), or show its history'),
  )
    .argument('<name>', 'registered model name')
    .argument('<alias>', 'alias name, e.g. champion')
    .argument('[version]', 'version to point the alias at', positiveInteger('version'))
    .option('--delete', 'remove the alias')
    .option('--reason <text>', 'why, kept in the audit log')
    .option('--actor <name>', 'who, kept in the audit log (default: OS user)')
    .action(
      async (
        name: string,
        alias: string,
        version: number | undefined,
        options: CommonOptions & AuditCliOptions & { delete?: boolean },
      ) => {
        await withRegistry(options, async (registry) => {
          const audit = { actor: options.actor, reason: options.reason };
          if (version === undefined && options.delete !== true) {
            const history = await registry.aliasHistory(name, alias);
            return options.format === 'json'
              ? printJson(history)
              : console.log(historyTable(history));
          }
          const event =
            version === undefined
              ? await registry.deleteAlias(name, alias, audit)
              : await registry.setAlias(name, alias, version, audit);
          if (options.format === 'json') return printJson(event ?? null);
          console.log(describeMove(name, alias, event, version));
        });
      },
    );

  storeCommandOptions(
    models.command('promote').description('move an alias to a version if it passes checks'),
  )
    .argument('<name>', 'registered model name')
    .argument('<version>', 'candidate version', positiveInteger('version'))
    .option('--alias <alias>', 'alias to move', 'champion')
    .option('--require <expr>', 'e.g. "metrics.auc >= 0.85" (repeatable)', collect, [])
    .option('--must-beat <alias>', 'must beat the version under this alias, e.g. champion')
    .option('--metric <name>', 'metric for --must-beat (default: that of the first --require)')
    .addOption(
      new Option('--direction <d>', 'better direction of --metric').choices([
        'maximize',
        'minimize',
      ]),
    )
    .option('--reason <text>', 'why, kept in the audit log')
    .option('--actor <name>', 'who, kept in the audit log (default: OS user)')
    .action(async (name: string, version: number, options: CommonOptions & PromoteCliOptions) => {
      const result = await withRegistry(options, (registry) =>
        registry.promote(name, version, {
          alias: options.alias,
          require: options.require,
          mustBeat: options.mustBeat,
          metric: options.metric,
          direction: options.direction,
          actor: options.actor,
          reason: options.reason,
        }),
      );
      if (options.format === 'json') printJson(result);
      else printPromotion(result);
      if (!result.promoted) {
        const failed = result.checks.filter((c) => !c.passed).length;
        // An argmin error, not command.error: a refusal is an outcome, not a usage mistake,
        // so no help text follows it; main() prints it on one line and exits 1.
        throw new ArgminError(
          'ARGMIN_PROMOTION_REFUSED',
          `promotion of ${name}/${version} to @${result.alias} refused: ${failed} of ${result.checks.length} checks failed`,
          409,
        );
      }
    });

  storeCommandOptions(models.command('archive').description('archive a version (or restore it)'))
    .argument('<name>', 'registered model name')
    .argument('<version>', 'version', positiveInteger('version'))
    .option('--restore', 'make an archived version active again')
    .action(
      async (name: string, version: number, options: CommonOptions & { restore?: boolean }) => {
        await withRegistry(options, async (registry) => {
          const updated = options.restore
            ? await registry.restoreVersion(name, version)
            : await registry.archiveVersion(name, version);
          if (options.format === 'json') return printJson(updated);
          console.log(`${name}/${version} is ${updated.status}`);
        });
      },
    );

  storeCommandOptions(
    models.command('delete').description('delete a model (all versions) or one version'),
  )
    .argument('<name>', 'registered model name')
    .argument('[version]', 'only this version', positiveInteger('version'))
    .action(async (name: string, version: number | undefined, options: CommonOptions) => {
      await withRegistry(options, async (registry) => {
        if (version === undefined) await registry.deleteModel(name);
        else await registry.deleteVersion(name, version);
        const deleted = version === undefined ? name : `${name}/${version}`;
        if (options.format === 'json') return printJson({ deleted });
        console.log(`Deleted ${deleted}`);
      });
    });
}

interface ListOptions {
  name?: string;
  tag: Record<string, string>;
  max: number;
  pageToken?: string;
}

interface AuditCliOptions {
  reason?: string;
  actor?: string;
}

interface RegisterOptions {
  run?: string;
  alias?: string;
  description?: string;
  tag: Record<string, string>;
}

interface PromoteCliOptions extends AuditCliOptions {
  alias: string;
  require: string[];
  mustBeat?: string;
  metric?: string;
  direction?: 'maximize' | 'minimize';
}

async function withRegistry<T>(
  options: CommonOptions,
  work: (registry: Registry) => Promise<T>,
): Promise<T> {
  const store = await connectStore(resolveStoreUri(options.store));
  try {
    return await work(new Registry(store));
  } finally {
    await store.close();
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectTag(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`a tag is key=value, got "${value}".`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function versionTable(versions: readonly ModelVersion[]): string {
  return renderTable(
    ['version', 'status', 'aliases', 'metrics', 'run', 'created', 'artifact'],
    versions.map((v) => [
      v.version,
      v.status,
      v.aliases.map((a) => `@${a}`).join(' '),
      Object.entries(v.metrics)
        .slice(0, 3)
        .map(([k, x]) => `${k}=${formatNumber(x)}`)
        .join(' '),
      v.runId ?? '',
      time(v.createdAt),
      v.artifactUri,
    ]),
  );
}

function historyTable(history: readonly AliasEvent[]): string {
  return renderTable(
    ['at', 'alias', 'from', 'to', 'actor', 'reason'],
    history.map((e) => [
      time(e.at),
      e.alias,
      e.fromVersion ?? '-',
      e.toVersion ?? '-',
      e.actor,
      e.reason ?? '',
    ]),
  );
}

function printPromotion(result: PromotionResult): void {
  console.log(
    renderTable(
      ['check', 'result', 'detail'],
      result.checks.map((c) => [c.check, c.passed ? pc.green('pass') : pc.red('FAIL'), c.detail]),
    ),
  );
  if (result.promoted)
    console.log(
      `\n${result.name}@${result.alias} → ${result.version}` +
        (result.previousVersion !== null && result.previousVersion !== result.version
          ? ` (was ${result.previousVersion})`
          : ''),
    );
}

function describeMove(
  name: string,
  alias: string,
  event: AliasEvent | undefined,
  version: number | undefined,
): string {
  if (event === undefined) return `${name}@${alias} already points at ${version}`;
  if (event.toVersion === null) return `${name}@${alias} deleted (was ${event.fromVersion})`;
  return (
    `${name}@${alias} → ${event.toVersion}` +
    (event.fromVersion === null ? '' : ` (was ${event.fromVersion})`)
  );
}

function pairs(record: Readonly<Record<string, string | number>>, separator: string): string {
  return Object.entries(record)
    .map(([k, v]) => (separator === '@' ? `@${k}=${v}` : `${k}=${v}`))
    .join(' ');
}

function time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
