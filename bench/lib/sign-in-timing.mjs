// Loaded into the server by `node --import` (bench/sessions.mjs only): times each
// POST /api/v1/auth/login inside the server, from the request's arrival to the start of its
// password hash and from the hash's end to the answer's last byte, and appends one JSON line
// per sign-in ({ beforeHashMs, afterHashMs, hashMs }) to SIGN_IN_TIMING_FILE. The bench signs in one
// request at a time, so the sign-in under way is the one being timed.
import crypto from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const file = process.env.SIGN_IN_TIMING_FILE;
const now = () => Number(process.hrtime.bigint()) / 1e6;
let current = null;

const scrypt = crypto.scrypt;
crypto.scrypt = function timedScrypt(...args) {
  const timing = current;
  const callback = args.pop();
  if (timing) timing.hashStart = now();
  return scrypt.call(this, ...args, (...result) => {
    if (timing) timing.hashEnd = now();
    callback(...result);
  });
};
// The server imports `scrypt` by name from node:crypto; this makes that name the wrapper.
syncBuiltinESMExports();

diagnostics.subscribe('http.server.request.start', ({ request, response }) => {
  if (!file || request.method !== 'POST' || !request.url.startsWith('/api/v1/auth/login')) return;
  const timing = { arrived: now() };
  current = timing;
  response.on('finish', () => {
    if (timing.hashEnd === undefined) return;
    const line = { beforeHashMs: timing.hashStart - timing.arrived, afterHashMs: now() - timing.hashEnd, hashMs: timing.hashEnd - timing.hashStart };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
});
