import { DomainError } from './errors.ts';

/** What became of one input of a batch: its result, or the domain error that refused it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/**
 * Runs `work` on each input in turn, not in parallel, so later inputs see earlier ones (a
 * duplicate within the batch is refused like any other). A DomainError becomes that input's
 * outcome and the batch goes on; any other error propagates.
 */
export async function eachOutcome<I, T>(inputs: readonly I[], work: (input: I, index: number) => Promise<T>): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      outcomes.push({ ok: true, value: await work(input, index) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
