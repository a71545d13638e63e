/**
 * Open-loop load generator for the serving benchmark: sends POSTs on a fixed schedule over
 * keep-alive connections whatever the answers do, and measures each latency from when the request
 * was issued — including any wait for a free connection, so a stalled server is charged for the
 * requests queued behind it (no coordinated omission). The 1 ms timer that paces the schedule is
 * not charged to the server. Runs as its own process, so its CPU is not the server's.
 *
 *   node dist/bench/load-generator.js URL RATE SECONDS BODY_FILE [CONNECTIONS]
 *
 * Prints one JSON line: sent, completed, statuses, errors, achieved rate and latency percentiles (ms).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [url, rateText, secondsText, bodyFile, connectionsText] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const body = readFileSync(bodyFile);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsText ?? 64) });
const total = Math.round(rate * seconds);
const latencies = new Float64Array(total);
const statuses: Record<string, number> = {};
let sent = 0;
let completed = 0;
let errors = 0;
let lastDone = 0;

function fire(index: number): void {
  const issued = performance.now();
  const request = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    },
    (response) => {
      response.on('data', () => undefined);
      response.on('end', () => {
        const now = performance.now();
        latencies[index] = now - issued;
        statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
        completed++;
        lastDone = now;
        if (completed + errors === total) finish();
      });
    },
  );
  request.on('error', () => {
    latencies[index] = Number.NaN;
    errors++;
    if (completed + errors === total) finish();
  });
  request.end(body);
}

const start = performance.now();
function tick(): void {
  const now = performance.now();
  // Request k is due at k / rate seconds.
  const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
  while (sent < due) {
    fire(sent);
    sent++;
  }
  if (sent < total) setTimeout(tick, 1);
}
tick();

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function finish(): void {
  const ok = latencies.filter((v) => !Number.isNaN(v)).sort();
  console.log(
    JSON.stringify({
      sent,
      completed,
      errors,
      statuses,
      achievedRate: completed / ((lastDone - start) / 1000),
      p50: percentile(ok, 0.5),
      p90: percentile(ok, 0.9),
      p99: percentile(ok, 0.99),
      max: ok[ok.length - 1],
    }),
  );
  agent.destroy();
}
