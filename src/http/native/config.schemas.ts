import { Type } from 'typebox';

const Digest = (description: string) => Type.String({ pattern: '^[0-9a-f]{64}$', description });

const ConfigFile = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 1000, description: 'The file\'s name as errors and plan lines cite it, such as `config/toolplane.yaml`.' }),
  content: Type.String({ description: 'The file\'s YAML text, as written (its `${...}` references unresolved).' }),
}, { description: 'One configuration file.' });

const sources = {
  files: Type.Array(ConfigFile, {
    minItems: 1, maxItems: 1000, description: 'The configuration\'s files, merged in this order as `-f` merges them.',
  }),
  vars: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String(), {
    description: 'Values for `${name}` references, as `--var name=value` gives them: they win over every file\'s `vars:`.',
  })),
  env: Type.Optional(Type.Record(Type.String(), Type.String(), {
    description: 'Values of the `${env:NAME}` references, by name, read by the client. The server never reads its own environment for them: a reference without a value here is an error.',
  })),
  referencedFiles: Type.Optional(Type.Record(Type.String(), Type.String(), {
    description: 'Contents of the files `${file:path}` references name, read by the client, by the path joined to the folder of the referring file\'s name (`config/secrets/key.txt` for `${file:secrets/key.txt}` in `config/toolplane.yaml`). The server never reads its own disk for them.',
  })),
};

export const ConfigPlanBody = Type.Object(sources, { description: 'A configuration to plan: its files and the values of their references.' });

export const ConfigApplyBody = Type.Object({
  ...sources,
  stateFingerprint: Digest('The `stateFingerprint` of the plan that was reviewed: nothing is applied (409 `config_state_changed`) when the instance is no longer in that state.'),
  changesDigest: Digest('The `changesDigest` of the plan that was reviewed: nothing is applied (409 `config_state_changed`) when the files no longer make those changes.'),
}, { description: 'A configuration to apply, and the plan it must still make.' });

const FieldChange = Type.Object({
  field: Type.String({ description: 'The field\'s name, as the file spells it.' }),
  from: Type.Optional(Type.Unknown({ description: 'Its value now (updates only).' })),
  to: Type.Optional(Type.Unknown({ description: 'The value it takes.' })),
  added: Type.Optional(Type.Array(Type.String(), { description: 'For a set (a group\'s members, by email): what is added.' })),
  removed: Type.Optional(Type.Array(Type.String(), { description: 'For a set: what is removed.' })),
  secret: Type.Optional(Type.Union([Type.Literal('changed'), Type.Literal('removed')], {
    description: 'For a secret (`secrets.<name>`): that it is set to a new value or removed; its values are never shown.',
  })),
  digest: Type.Optional(Type.Object({
    from: Type.Optional(Type.String({ description: 'The SHA-256 digest of the current definition; absent for a new app.' })),
    to: Type.String({ description: 'The SHA-256 digest of the file\'s definition.' }),
  }, { description: 'For an app\'s `definition`: the digests of its versions now and in the file; the definition itself is never shown.' })),
}, { description: 'One field of a change.' });

const Change = Type.Object({
  kind: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')], { description: 'What happens to the object.' }),
  object: Type.String({ description: 'The kind of object: `workspace`, `environment`, `userAttribute`, `group`, `member`, `folder`, ...' }),
  workspace: Type.String({ description: 'The name of the workspace the object is in.' }),
  key: Type.String({ description: 'The object\'s natural key: a name, a member\'s email, a folder\'s `type:/path`.' }),
  fields: Type.Array(FieldChange, { description: 'The fields that change; empty for a deletion.' }),
  folder: Type.Optional(Type.Object({
    type: Type.String({ description: 'The folder\'s type: `app`, `resource` or `workflow`.' }),
    path: Type.Array(Type.String(), { description: 'The names of the folder and its parents, from the top.' }),
  }, { description: 'For a folder: its type and path.' })),
  at: Type.Optional(Type.Object({
    file: Type.String({ description: 'The file, as its `name` was sent.' }),
    line: Type.Integer({ description: 'The 1-based line.' }),
    col: Type.Integer({ description: 'The 1-based column.' }),
  }, { description: 'Where the file declares the object; absent for deletions.' })),
}, { description: 'One object to create, update or delete.' });

const Summary = Type.Object({
  create: Type.Integer({ description: 'Objects to create.' }),
  update: Type.Integer({ description: 'Objects to update.' }),
  delete: Type.Integer({ description: 'Objects to delete.' }),
}, { description: 'How many objects of each kind of change.' });

export const ConfigPlan = Type.Object({
  stateFingerprint: Digest('A digest of the state the plan was made against; give it to apply.'),
  changesDigest: Digest('A digest of the changes; give it to apply.'),
  workspaces: Type.Array(Type.String(), { description: 'The workspaces the configuration describes.' }),
  changes: Type.Array(Change, { description: 'The changes, per workspace, deletions first.' }),
  summary: Summary,
}, { description: 'What applying the configuration would change: the same document as `toolplane plan --json`.' });

export const ConfigApplyResult = Type.Object({
  applyId: Type.String({ description: 'The apply\'s id (`apply_<uuid>`): the `requestId` of each of its audit events.' }),
  summary: Summary,
  invites: Type.Array(Type.Object({
    email: Type.String({ description: 'The invitee.' }),
    acceptUrl: Type.Optional(Type.String({ description: 'The link accepting the invite, shown this once; only when the server has no mailer to send it.' })),
    sendError: Type.Union([Type.String(), Type.Null()], { description: 'Why sending its email failed (the invite stays pending; resend it); null when it did not.' }),
  }), { description: 'The invites the apply made, delivered after it committed.' }),
}, { description: 'The apply, made.' });

export const ConfigExportQuery = Type.Object({
  workspace: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The workspace to export, by name; every workspace the credential may read when left out.' })),
});

export const ConfigExport = Type.Object({
  content: Type.String({ description: 'The configuration file (YAML) describing the state.' }),
}, { description: 'The current state as a configuration file.' });
