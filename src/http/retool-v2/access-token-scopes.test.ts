import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { toRetoolScopes, toToolplaneScopes } from './access-token-scopes.ts';

describe('Retool access token scopes', () => {
  it('map onto the Toolplane areas whose routes they open, without duplicates', () => {
    expect(toToolplaneScopes(['users:read'])).toEqual(['users:read', 'invites:read']);
    expect(toToolplaneScopes(['spaces:write', 'access_tokens:read'])).toEqual(['workspaces:write', 'sso:write', 'tokens:read']);
    expect(toToolplaneScopes(['environments:read', 'configuration_variables:read', 'environment:read'])).toEqual(['environments:read']);
  });

  it('refuse a scope Toolplane has nothing for, and an unknown one, naming its index', () => {
    for (const [scopes, field, text] of [
      [['users:read', 'app_themes:read'], 'scopes.1', 'no counterpart'],
      [['source_control:deploy'], 'scopes.0', 'no counterpart'],
      [['users:admin'], 'scopes.0', 'unknown scope'],
      [['Users > Read'], 'scopes.0', 'unknown scope'],
    ] as const) {
      const error = (() => {
        try {
          toToolplaneScopes(scopes);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe(field);
      expect((error as DomainError).message).toContain(text);
    }
  });

  it('answer the Retool scopes a token covers, each at its highest level', () => {
    expect(toRetoolScopes(['users:write', 'invites:read'])).toEqual(['users:read', 'user_attributes:write']);
    expect(toRetoolScopes(['audit:read', 'scim:write'])).toEqual([]);
    expect(toRetoolScopes(['*'])).toContain('access_tokens:write');
    expect(toRetoolScopes(toToolplaneScopes(['groups:read']))).toEqual(['groups:read']);
  });
});
