import { Type } from 'typebox';
import { invalidInput } from '../../core/errors.ts';
import type { UserAttribute, UserAttributeUpdateInput } from '../../core/user-attribute.service.ts';
import { fromRetoolValue, toRetoolValue } from './attribute-values.ts';
import { Envelope, Nullable, ok } from './envelope.ts';
import { applyPatch } from './json-patch.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const RetoolUserAttribute = Type.Object({
  id: Type.String(),
  name: Type.String(),
  label: Type.String(),
  data_type: Type.String(),
  default_value: Nullable(Type.String()),
  intercom_attribute_name: Nullable(Type.String()),
});

const AttributeCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255, pattern: '^[a-z0-9_]+$' }),
  label: Type.String({ minLength: 2, maxLength: 255 }),
  dataType: Type.String({ enum: ['string', 'number', 'json'] }),
  defaultValue: Type.Optional(Nullable(Type.String({ maxLength: 65_536 }))),
});

const AttributePatchBody = Type.Object({
  operations: Type.Array(Type.Object({
    op: Type.String({ enum: ['replace'] }),
    path: Type.String({ maxLength: 1000 }),
    value: Type.Optional(Type.Unknown()),
  }), { maxItems: 100 }),
  /** Accepted and without effect: changing a definition never changes members' stored values. */
  update_existing: Type.Optional(Type.Boolean()),
});

const AttributeParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const AttributeDeleteQuery = Type.Object({ update_existing_users: Type.Optional(Type.String({ enum: ['true', 'false'] })) });
const PATCHABLE = ['name', 'label', 'data_type', 'default_value', 'intercom_attribute_name'] as const;

/**
 * Retool's user attribute over Toolplane's definition. Retool has no boolean type: a boolean
 * attribute answers `json` (its values are JSON's true and false). The default is answered as
 * text (`toRetoolValue`); Toolplane maps no attribute to Intercom.
 */
function presentAttribute(attribute: UserAttribute) {
  return {
    id: attribute.id,
    name: attribute.name,
    label: attribute.label,
    data_type: attribute.dataType === 'boolean' ? 'json' : attribute.dataType,
    default_value: toRetoolValue(attribute.defaultValue),
    intercom_attribute_name: null,
  };
}

/** The definition's update from a patched Retool attribute: the default read as the attribute's type. */
function updateOf(current: UserAttribute, presented: ReturnType<typeof presentAttribute>, patched: Record<string, unknown>): UserAttributeUpdateInput {
  if (patched.intercom_attribute_name !== null) throw invalidInput('intercom_attribute_name', 'must be null: Toolplane maps no attribute to Intercom');
  if (typeof patched.label !== 'string') throw invalidInput('label', 'must be a string');
  if (patched.default_value !== null && typeof patched.default_value !== 'string') throw invalidInput('default_value', 'must be a string or null');
  if (patched.data_type !== presented.data_type) throw invalidInput('data_type', 'is fixed after creation');
  return {
    name: typeof patched.name === 'string' ? patched.name : String(patched.name),
    label: patched.label,
    ...(patched.default_value === presented.default_value ? {}
      : { defaultValue: patched.default_value === null ? null : fromRetoolValue(current.dataType, patched.default_value, 'default_value') }),
  };
}

export function userAttributesRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { userAttributes } = services;

  app.get('/user_attributes', {
    config: { scope: 'users:read' }, schema: { response: { 200: Type.Object({ success: Type.Boolean(), data: Type.Array(RetoolUserAttribute) }) } },
  }, async (request) => ok((await userAttributes.list(request.actor)).map(presentAttribute)));

  app.post('/user_attributes', {
    config: { scope: 'users:write' }, schema: { body: AttributeCreateBody, response: { 200: Envelope(RetoolUserAttribute) } },
  }, async (request) => {
    const { name, label, defaultValue } = request.body;
    const dataType = request.body.dataType as UserAttribute['dataType'];
    const typedDefault = defaultValue === undefined || defaultValue === null ? null : fromRetoolValue(dataType, defaultValue, 'defaultValue');
    return ok(presentAttribute(await userAttributes.create(request.actor, { name, label, dataType, defaultValue: typedDefault })));
  });

  // JSON Patch `replace` of the label and the default; name and data type are fixed, as Toolplane checked members' values against them.
  app.patch('/user_attributes/:id', {
    config: { scope: 'users:write' }, schema: { params: AttributeParams, body: AttributePatchBody, response: { 200: Envelope(RetoolUserAttribute) } },
  }, async (request) => {
    const current = await userAttributes.get(request.actor, request.params.id);
    const presented = presentAttribute(current);
    const patched = applyPatch(presented, request.body.operations, PATCHABLE);
    return ok(presentAttribute(await userAttributes.update(request.actor, current.id, updateOf(current, presented, patched))));
  });

  // Members keep their values unless `update_existing_users=true`, as in Retool.
  app.delete('/user_attributes/:id', {
    config: { scope: 'users:write' }, schema: { params: AttributeParams, querystring: AttributeDeleteQuery },
  }, async (request, reply) => {
    await userAttributes.delete(request.actor, request.params.id, { clearValues: request.query.update_existing_users === 'true' });
    reply.code(204);
    return null;
  });
}
