import { ConfigFileError } from '../../src/config-code/source.ts';

/** The problems a configuration error lists, one a line; fails when `work` throws nothing or something else. */
export function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigFileError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigFileError');
}
