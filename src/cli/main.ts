import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { ArgminError } from '../errors.js';
import { argminVersion } from '../model/index.js';
import { registerCvCommand } from './cv-command.js';
import { registerExperimentsCommand } from './experiments-command.js';
import { registerInspectCommand } from './inspect-command.js';
import { registerModelsCommand } from './models-command.js';
import { registerPredictCommand } from './predict-command.js';
import { registerPredictionsCommand } from './predictions-command.js';
import { registerRunsCommand } from './runs-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerStudiesCommand } from './studies-command.js';
import { registerTuneCommand } from './tune-command.js';
import { registerWorkerCommand } from './worker-command.js';

/** Builds the `argmin` command tree. */
export function buildProgram(): Command {
  const program = new Command('argmin')
    .description('model selection, tracking, registry, serving and monitoring for tabular ML')
    .version(argminVersion())
    .showHelpAfterError()
    .exitOverride();
  registerTuneCommand(program);
  registerCvCommand(program);
  registerPredictCommand(program);
  registerServeCommand(program);
  registerPredictionsCommand(program);
  registerInspectCommand(program);
  registerExperimentsCommand(program);
  registerRunsCommand(program);
  registerModelsCommand(program);
  registerStudiesCommand(program);
  registerWorkerCommand(program);
  return program;
}

/**
 * Runs the CLI and returns the exit code. argmin's own errors print as one line with their code
 * (no stack trace); `ARGMIN_DEBUG=1` prints the stack of anything.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (process.env.ARGMIN_DEBUG) console.error(error);
    if (error instanceof ArgminError) {
      console.error(`${pc.red('error')} [${error.code}]: ${error.message}`);
      return 1;
    }
    console.error(
      `${pc.red('unexpected error')}: ${error instanceof Error ? error.message : String(error)} (set ARGMIN_DEBUG=1 for the stack)`,
    );
    return 2;
  }
}
