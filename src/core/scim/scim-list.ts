import { DomainError } from '../errors.ts';
import type { ResolvedFilter } from './filter-resolve.ts';
import type { ScimResource } from './user-resource.ts';

/** A list request as the dialect validated it: 1-based `startIndex`, `count` already clamped. */
export interface ScimListRequest {
  filter?: ResolvedFilter;
  /** A canonical attribute key (schema.ts); members without a value sort first. */
  sortBy?: string;
  descending?: boolean;
  startIndex: number;
  count: number;
}

export interface ScimListResult {
  total: number;
  resources: ScimResource[];
}

/** 412 unless `ifMatch` (an If-Match header: `*` or a list of entity tags) names the resource's current version. */
export function checkVersion(resource: ScimResource, ifMatch: string): void {
  if (!matchesVersion(resource.meta.version, ifMatch)) {
    throw new DomainError('precondition_failed', 'version_mismatch', `The resource has changed: its version is now ${resource.meta.version}`);
  }
}

/** Whether an If-Match or If-None-Match header names `version`; weak tags compare by their opaque part. */
export function matchesVersion(version: string, header: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(version));
}
