import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readTable } from '../data/index.js';
import { loadModel } from '../registry/index.js';
import { openStore } from '../store/index.js';

interface PredictOptions {
  output?: string;
  proba?: boolean;
  store?: string;
}

/** CSV field: quoted when it holds a delimiter, quote or newline. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('predict every row of a table with a saved model; writes CSV')
    .argument(
      '<model>',
      'model file (.argmin) or directory written by `argmin cv --save` or saveModel(), or models:/name@alias',
    )
    .argument('<data>', "CSV, Parquet or JSON file with the model's input columns")
    .option('-o, --output <path>', 'write the CSV here instead of standard output')
    .option('--proba', 'add one probability column per class (classifiers)')
    .option('--store <uri>', 'store holding the registry for models:/ references')
    .action(async (modelPath: string, data: string, options: PredictOptions) => {
      const { pipeline, manifest } = await loadFrom(modelPath, options.store);
      const frame = await readTable(data, {
        types: Object.fromEntries(manifest.signature.map((c) => [c.name, c.kind])),
        columns: manifest.signature.map((c) => c.name),
      });
      const predicted = pipeline.predict(frame);
      const header = [`predicted_${manifest.target}`];
      let probaColumns: string[][] = [];
      if (options.proba && manifest.task === 'classification') {
        const { classes, proba } = pipeline.predictProba(frame);
        header.push(...classes.map((c) => `proba_${c}`));
        probaColumns = classes.map((_, k) =>
          Array.from({ length: frame.rows }, (_, i) => String(proba.data[i * classes.length + k])),
        );
      }
      const lines = [header.map(csvField).join(',')];
      for (let i = 0; i < frame.rows; i++) {
        lines.push(
          [String(predicted[i]), ...probaColumns.map((c) => c[i])].map(csvField).join(','),
        );
      }
      const text = lines.join('\n') + '\n';
      if (options.output) {
        await writeFile(options.output, text);
        console.error(`Wrote ${frame.rows} predictions to ${options.output}`);
      } else {
        process.stdout.write(text);
      }
    });
}

/** A model file, or a `models:/` reference resolved in the given store (default store otherwise). */
async function loadFrom(modelPath: string, storeUri: string | undefined) {
  if (storeUri === undefined || !modelPath.startsWith('models:/')) return loadModel(modelPath);
  const store = await openStore(storeUri, { handleExit: false });
  try {
    return await loadModel(modelPath, { store });
  } finally {
    await store.close();
  }
}
