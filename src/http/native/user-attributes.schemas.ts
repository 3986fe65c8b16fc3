import { Type } from 'typebox';
import { ATTRIBUTE_LABEL_MAX_LENGTH, ATTRIBUTE_NAME_MAX_LENGTH } from '../../core/user-attribute.service.ts';
import { Timestamp, Uuid } from './common.schemas.ts';

/** Names are what values are keyed by on every member; the same rule as the real Retool API's. */
export const AttributeName = (description: string) =>
  Type.String({ minLength: 1, maxLength: ATTRIBUTE_NAME_MAX_LENGTH, pattern: '^[a-z0-9_]+$', description });

const DataType = (description: string) => Type.Enum(['string', 'number', 'boolean', 'json'], { description });

const Label = (description: string) => Type.String({ minLength: 1, maxLength: ATTRIBUTE_LABEL_MAX_LENGTH, description });

const DefaultValue = (description: string) => Type.Unknown({ description });

export const UserAttribute = Type.Object(
  {
    id: Uuid('The unique identifier of the attribute definition.'),
    name: AttributeName('The attribute name: the key of the value in each user\'s `attributes`.'),
    label: Type.String({ description: 'A human-readable label for the attribute.' }),
    dataType: DataType('The type every value of the attribute has.'),
    defaultValue: DefaultValue('The value users without one of their own show, of the attribute\'s type; null when there is none.'),
    createdAt: Timestamp('Timestamp when the attribute was defined.'),
    updatedAt: Timestamp('Timestamp when the attribute was last changed.'),
  },
  { description: 'A user attribute defined in the workspace.' },
);

export const UserAttributeList = Type.Object(
  { data: Type.Array(UserAttribute, { description: 'The workspace\'s attribute definitions, by name.' }) },
  { description: 'List of user attribute definitions.' },
);

export const UserAttributeCreateBody = Type.Object(
  {
    name: AttributeName('The attribute name, unique in the workspace: lower-case letters, digits and `_`. Fixed after creation.'),
    label: Type.Optional(Label('A human-readable label for the attribute; the name when left out.')),
    dataType: DataType('The type every value must have: string, number, boolean or json (any JSON value). Fixed after creation.'),
    defaultValue: Type.Optional(DefaultValue('A value of the attribute\'s type that users without one of their own show; null or left out for none.')),
  },
  { description: 'Request body for defining a user attribute.' },
);

export const UserAttributeUpdateBody = Type.Object(
  {
    label: Type.Optional(Label('A new label for the attribute.')),
    defaultValue: Type.Optional(DefaultValue('A new default of the attribute\'s type; null removes it; left out keeps it.')),
    name: Type.Optional(AttributeName('Fixed after creation: may be sent only with the current value.')),
    dataType: Type.Optional(DataType('Fixed after creation: may be sent only with the current value.')),
  },
  { description: 'Request body for changing a user attribute\'s label and default; fields left out keep their value.' },
);

export const UserAttributeIdParams = Type.Object({ attributeId: Uuid('The unique identifier of the attribute definition.') });

export const UserAttributeDeleteQuery = Type.Object({
  clearValues: Type.Optional(Type.Boolean({
    default: true,
    description: 'Whether to remove the attribute\'s value from every user too (true, the default); false keeps them, to reappear should the name be defined again.',
  })),
});
