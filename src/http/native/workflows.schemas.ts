import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

export const Workflow = Type.Object(
  {
    id: Type.String({ description: 'The unique identifier for the workflow.' }),
    name: Type.String({ description: 'The name of the workflow, unique in the workspace.' }),
    description: Type.String({ description: 'A description of the workflow\'s purpose.' }),
    folderId: Type.Optional(Type.String({ description: 'The identifier of the workflow folder holding it; absent at the top level.' })),
    createdAt: Timestamp('Timestamp when the workflow was created.'),
    updatedAt: Timestamp('Timestamp when the workflow was last updated.'),
  },
  { description: 'A workflow.' },
);

const WorkflowName = (description: string) => Type.String({ minLength: 1, maxLength: 255, description });
const Description = (description: string) => Type.String({ maxLength: 10_000, description });

export const WorkflowCreateBody = Type.Object(
  {
    name: WorkflowName('The name of the new workflow, unique in the workspace.'),
    description: Type.Optional(Description('A description of the workflow\'s purpose.')),
    folderId: Type.Optional(Uuid('The workflow folder to place the workflow in.')),
  },
  { description: 'Request body for creating a workflow.' },
);

export const WorkflowUpdateBody = Type.Object(
  {
    name: Type.Optional(WorkflowName('The new name of the workflow, unique in the workspace.')),
    description: Type.Optional(Description('The new description of the workflow.')),
    folderId: Type.Optional(Type.Union([Uuid('Move the workflow into this workflow folder.'), Type.Null()], {
      description: 'Move the workflow into this workflow folder; null moves it to the top level.',
    })),
  },
  { description: 'Request body for changing a workflow; fields left out keep their value.' },
);

export const WorkflowIdParams = Type.Object({ workflowId: Uuid('The unique identifier of the workflow.') });
