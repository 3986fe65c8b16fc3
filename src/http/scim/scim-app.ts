import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';

/** What every SCIM route knows: the services, and where its resources live. */
export interface ScimContext {
  services: Services;
  /** The absolute URL of the SCIM base this request came in under (`…/scim/v2` or `…/api/scim/v2`). */
  baseUrl(request: FastifyRequest): string;
}

export type ScimApp = FastifyInstance;

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SEARCH_REQUEST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
