#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`argmin predict ... | head`) is a normal way for a reader to stop.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
