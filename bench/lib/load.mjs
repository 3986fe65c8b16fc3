// One autocannon run, reduced to the figures the tables quote.
import autocannon from 'autocannon';

/**
 * Runs autocannon and answers requests/s, p50 and p99 latency in ms, and the count of
 * non-2xx answers. `requests` is autocannon's request list (setupRequest may vary each).
 */
export async function load({ url, connections = 64, duration = 10, headers = {}, requests, method = 'GET', body }) {
  const result = await autocannon({
    url, connections, duration, headers, method, body, requests, pipelining: 1,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `once` `runs` times and answers the per-field medians, with the runs themselves. */
export async function medianOf(runs, once) {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(i));
  const fields = Object.keys(results[0]);
  return { ...Object.fromEntries(fields.map((field) => [field, median(results.map((result) => result[field]))])), runs: results };
}
