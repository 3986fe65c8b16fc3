import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Config } from '../../config.ts';
import type { Services } from '../../core/services.ts';

/** The Fastify instance ToolJet routes register on, typed by their TypeBox schemas. */
export type TooljetApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface TooljetContext {
  services: Services;
  config: Config;
}
