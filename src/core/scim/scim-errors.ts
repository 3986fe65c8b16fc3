import { DomainError, type ErrorKind } from '../errors.ts';

/** The `scimType` values of RFC 7644 §3.12 that this service answers with. */
export type ScimType =
  | 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'sensitive';

const KIND_OF_TYPE: Record<ScimType, ErrorKind> = {
  invalidFilter: 'invalid_input',
  tooMany: 'invalid_input',
  uniqueness: 'conflict',
  mutability: 'invalid_input',
  invalidSyntax: 'invalid_input',
  invalidPath: 'invalid_input',
  noTarget: 'invalid_input',
  invalidValue: 'invalid_input',
  sensitive: 'forbidden',
};

export const SCIM_TYPES = new Set<string>(Object.keys(KIND_OF_TYPE));

/** A core error whose code is the SCIM error type, so the SCIM dialect answers it as such. */
export function scimError(type: ScimType, detail: string): DomainError {
  return new DomainError(KIND_OF_TYPE[type], type, detail);
}
