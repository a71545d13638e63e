/**
 * Process hooks that keep buffered metric points from being lost when the process ends. One set
 * of listeners serves every open store; it is installed when the first store registers and
 * removed when the last one closes, so a closed store leaves no listener behind.
 *
 * What is guaranteed, by how the process ends:
 * - `run.end()`, `run.flush()`, `store.flush()`, `store.close()` resolved: every point logged
 *   before the call is committed.
 * - the event loop empties ('beforeExit'): buffered points are flushed (runs stay RUNNING unless
 *   ended).
 * - SIGINT / SIGTERM: buffered points are flushed, open runs end as KILLED, the stores close, and
 *   the signal is raised again so the process ends as it would have (unless the program has its
 *   own listener for that signal, which then decides).
 * - `process.exit()` or an uncaught exception ('exit', synchronous): SQLite stores write the
 *   buffered points through a synchronous connection of their own; points in a flush whose
 *   transaction is open at that instant are rolled back with it. PostgreSQL has no synchronous
 *   client: call `flush()` before `process.exit()`.
 * - SIGKILL, power loss: committed flushes survive (WAL); at most one flush interval (200 ms by
 *   default) or one flush size of points is lost, and the runs stay RUNNING.
 */
export interface ExitParticipant {
  /** Whether anything is buffered (so 'beforeExit' does not loop on empty flushes). */
  hasUnflushed(): boolean;
  flushAll(): Promise<void>;
  interrupt(): Promise<void>;
  flushSync(): void;
}

const participants = new Set<ExitParticipant>();
const signals = ['SIGINT', 'SIGTERM'] as const;

function onBeforeExit(): void {
  const pending = [...participants].filter((participant) => participant.hasUnflushed());
  // A flush failure was already recorded on its run; nothing useful remains to do at exit.
  for (const participant of pending) participant.flushAll().catch(() => undefined);
}

function onExit(): void {
  for (const participant of participants) {
    try {
      participant.flushSync();
    } catch {
      // The process is ending: there is no one left to report to.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  const interrupted = [...participants].map((participant) => participant.interrupt());
  void Promise.allSettled(interrupted).then(() => {
    uninstall();
    participants.clear();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

function install(): void {
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('beforeExit', onBeforeExit);
  process.off('exit', onExit);
  for (const signal of signals) process.off(signal, onSignal);
}

export function registerForExit(participant: ExitParticipant): void {
  if (participants.size === 0) install();
  participants.add(participant);
}

export function unregisterForExit(participant: ExitParticipant): void {
  if (!participants.delete(participant)) return;
  if (participants.size === 0) uninstall();
}
