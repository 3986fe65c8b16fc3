import { describe, expect, it } from 'vitest';
import { printable } from './terminal-text.ts';

describe('printable', () => {
  it('leaves ordinary text, accents and other scripts as they are', () => {
    expect(printable('Sales EMEA — Zürich 東京')).toBe('Sales EMEA — Zürich 東京');
  });

  it('shows control characters as visible escapes', () => {
    expect(printable('a\x1b[31mred\x07')).toBe('a\\x1b[31mred\\x07');
    expect(printable('one\ntwo\r\tthree')).toBe('one\\ntwo\\r\\tthree');
    expect(printable('\x00\x7f\x9b')).toBe('\\x00\\x7f\\x9b');
  });

  it('shows the marks that reorder or hide text, and escapes the backslash so nothing passes for an escape', () => {
    expect(printable('abc\u202Efed\u200B')).toBe('abc\\u202efed\\u200b');
    expect(printable('C:\\x1b')).toBe('C:\\\\x1b');
  });
});
