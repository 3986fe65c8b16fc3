import readline from 'node:readline';
import { Writable } from 'node:stream';
import { InvalidArgumentError } from 'commander';
import type { Config } from '../config.ts';
import { runAudited } from '../core/audit.ts';
import { checkNewPassword } from '../core/password-reset.service.ts';
import { openRuntime } from '../runtime/runtime.ts';

/**
 * `toolplane users set-password --email <email>`: sets the account's password, ends its
 * sessions and live reset links, and audits it as the CLI. The password is asked for twice
 * without echo when stdin is a terminal, and read as the first line of stdin otherwise (for
 * scripts: `printf '%s\n' "$PASSWORD" | toolplane users set-password --email …`). It is
 * never taken as an argument, which other users of the machine could read.
 */
export async function setPassword(config: Config, options: { email: string }): Promise<void> {
  const password = process.stdin.isTTY ? await promptTwice() : await readFirstLine();
  checkNewPassword(password);
  const runtime = await openRuntime(config);
  try {
    const result = await runAudited({ actorType: 'cli' }, () => runtime.services.passwordResets.setPassword(options.email, password));
    const ended = result.sessionsEnded === 1 ? '1 session ended' : `${result.sessionsEnded} sessions ended`;
    console.log(`Password set for ${result.email}; ${ended}.`);
    if (result.status === 'archived') console.error('toolplane: the account is archived: it cannot sign in until it is restored');
  } finally {
    await runtime.close();
  }
}

async function promptTwice(): Promise<string> {
  const password = await askHidden('New password: ');
  checkNewPassword(password);
  if ((await askHidden('Again: ')) !== password) throw new InvalidArgumentError('the two passwords differ; nothing changed');
  return password;
}

/**
 * One line from the terminal, not shown as it is typed: readline writes the prompt, then
 * everything it would echo goes nowhere. Prompts go to stderr, so stdout stays the result.
 */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, encoding, done) {
      if (!muted) process.stderr.write(chunk, encoding);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise<string>((resolve, reject) => {
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      process.exit(130);
    });
    // After an answer this rejects a settled promise, which does nothing.
    rl.on('close', () => reject(new InvalidArgumentError('no password given; nothing changed')));
    rl.question(prompt, (answer) => {
      process.stderr.write('\n');
      resolve(answer);
      rl.close();
    });
    // The prompt is written by now; from here on, nothing typed is echoed.
    muted = true;
  });
}

/** The first line of stdin, without its line ending; the rest is not read. */
async function readFirstLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
  } finally {
    rl.close();
  }
  throw new InvalidArgumentError('no password on stdin: give it as one line; nothing changed');
}
