import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { TOOLJET_COMPATIBLE_VERSION, checkImportableVersion, compareTooljetVersions, parseTooljetVersion } from './tooljet-version.ts';

function compare(a: string, b: string): number {
  return Math.sign(compareTooljetVersions(parseTooljetVersion(a)!, parseTooljetVersion(b)!));
}

function codeOf(version: string | undefined): string | null {
  try {
    checkImportableVersion(version);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('invalid_input');
    expect((error as DomainError).field).toBe('tooljet_version');
    return (error as DomainError).code;
  }
}

describe('ToolJet versions', () => {
  it('reads the numeric parts and ignores a leading v and a label', () => {
    expect(parseTooljetVersion('3.16.0')).toEqual(['3', '16', '0']);
    expect(parseTooljetVersion('v2.50')).toEqual(['2', '50']);
    expect(parseTooljetVersion('2.50.0-ee-lts')).toEqual(['2', '50', '0']);
    expect(parseTooljetVersion(' 3.0.1+build.7 ')).toEqual(['3', '0', '1']);
  });

  it('refuses text that is not a version', () => {
    for (const text of ['', 'latest', '3..1', '3.x', '.3', '3.', '-3.1', '3.1 beta']) {
      expect(parseTooljetVersion(text), text).toBeNull();
    }
  });

  it('compares part by part as numbers, not as text', () => {
    expect(compare('2.9.0', '2.10.0')).toBe(-1);
    expect(compare('3.16.0', '3.16')).toBe(0);
    expect(compare('3.16.0-ee', '3.16.0')).toBe(0);
    expect(compare('3.16.1', '3.16')).toBe(1);
    expect(compare('10.0.0', '9.99.99')).toBe(1);
    expect(compare('003.016', '3.16.0')).toBe(0);
    expect(compare('3.16.99999999999999999999', '3.16.99999999999999999998')).toBe(1);
  });

  it('imports files from this release and older ones only', () => {
    expect(codeOf(TOOLJET_COMPATIBLE_VERSION)).toBeNull();
    expect(codeOf('2.50.0-ee-lts')).toBeNull();
    expect(codeOf('3.15.9')).toBeNull();
    expect(codeOf('3.16.1')).toBe('tooljet_version_unsupported');
    expect(codeOf('4.0.0')).toBe('tooljet_version_unsupported');
    expect(codeOf('3.100.0')).toBe('tooljet_version_unsupported');
    expect(codeOf(undefined)).toBe('invalid_input');
    expect(codeOf('  ')).toBe('invalid_input');
    expect(codeOf('newest')).toBe('invalid_input');
  });
});
