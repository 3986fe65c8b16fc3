import { type Static, Type } from 'typebox';
import type { ConfigurationVariable } from '../../core/configuration-variable.service.ts';
import { Envelope, ListEnvelope, ok, wholeList } from './envelope.ts';
import { SEALED_PLACEHOLDER } from './resource-secrets.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const Value = Type.Object({ environment_id: Type.String(), value: Type.String() });

const RetoolVariable = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  secret: Type.Boolean(),
  values: Type.Array(Value),
});

const VariableBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  secret: Type.Boolean(),
  values: Type.Array(Type.Object({ environment_id: Type.String({ maxLength: 100 }), value: Type.String({ maxLength: 65_536 }) }), { maxItems: 100 }),
});

const VariableParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** Retool's configuration variable: a secret one shows each value as Retool's sealed placeholder. */
function present(variable: ConfigurationVariable) {
  return {
    id: variable.id,
    name: variable.name,
    description: variable.description,
    secret: variable.secret,
    values: variable.values.map(({ environmentId, value }) => ({ environment_id: environmentId, value: value ?? SEALED_PLACEHOLDER })),
  };
}

/** A secret value sent back as the placeholder keeps the value stored. */
function inputOf(body: Static<typeof VariableBody>) {
  return {
    name: body.name,
    description: body.description,
    secret: body.secret,
    values: body.values.map(({ environment_id: environmentId, value }) => ({
      environmentId, value: body.secret && value === SEALED_PLACEHOLDER ? null : value,
    })),
  };
}

export function configurationVariablesRoutes(app: RetoolApp, { services: { configurationVariables } }: RetoolContext): void {
  app.get('/configuration_variables', {
    config: { scope: 'environments:read' }, schema: { response: { 200: ListEnvelope(RetoolVariable) } },
  }, async (request) => wholeList((await configurationVariables.list(request.actor)).map(present)));

  app.get('/configuration_variables/:id', {
    config: { scope: 'environments:read' }, schema: { params: VariableParams, response: { 200: Envelope(RetoolVariable) } },
  }, async (request) => ok(present(await configurationVariables.get(request.actor, request.params.id))));

  app.post('/configuration_variables', {
    config: { scope: 'environments:write' }, schema: { body: VariableBody, response: { 200: Envelope(RetoolVariable) } },
  }, async (request) => ok(present(await configurationVariables.create(request.actor, inputOf(request.body)))));

  app.put('/configuration_variables/:id', {
    config: { scope: 'environments:write' }, schema: { params: VariableParams, body: VariableBody, response: { 200: Envelope(RetoolVariable) } },
  }, async (request) => ok(present(await configurationVariables.replace(request.actor, request.params.id, inputOf(request.body)))));

  app.delete('/configuration_variables/:id', {
    config: { scope: 'environments:write' }, schema: { params: VariableParams },
  }, async (request, reply) => {
    await configurationVariables.delete(request.actor, request.params.id);
    reply.code(204);
    return null;
  });
}
