import type { Command } from 'commander';
import pc from 'picocolors';
import { loadModel } from '../registry/index.js';
import { renderTable } from './table.js';

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description(
      'show what a saved model is: task, signature, metrics, training data, format version',
    )
    .argument(
      '<model>',
      'model file (.argmin), directory, or models:/name@alias (registry of ARGMIN_STORE)',
    )
    .option('--format <format>', 'table or json', 'table')
    .action(async (modelPath: string, options: { format: string }) => {
      const { manifest } = await loadModel(modelPath);
      if (options.format === 'json') {
        const { pipeline: _pipeline, blobs: _blobs, ...rest } = manifest;
        console.log(JSON.stringify(rest, null, 2));
        return;
      }
      console.log(
        `${pc.bold(modelPath)}: ${manifest.task} of ${pc.bold(manifest.target)}, format ${manifest.formatVersion}, argmin ${manifest.argminVersion}, saved ${manifest.createdAt}`,
      );
      if (manifest.output.classes) console.log(`classes: ${manifest.output.classes.join(', ')}`);
      if (manifest.trainingData) {
        console.log(
          `trained on ${manifest.trainingData.rows} rows${manifest.trainingData.source ? ` of ${manifest.trainingData.source}` : ''}, fingerprint ${manifest.trainingData.fingerprint.slice(0, 16)}…`,
        );
      }
      console.log(
        '\n' +
          renderTable(
            ['input', 'kind', 'nullable', 'levels'],
            manifest.signature.map((c) => [
              c.name,
              c.kind,
              c.nullable ? 'yes' : 'no',
              c.levels ? c.levels.join('|') : '',
            ]),
          ),
      );
      const metrics = Object.entries(manifest.metrics);
      if (metrics.length > 0) console.log('\n' + renderTable(['metric', 'value'], metrics));
    });
}
