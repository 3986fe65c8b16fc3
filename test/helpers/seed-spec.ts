import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The seed spec, read from ../shared/seeds beside the checkout, else from the fixture copy. */
const candidates = [
  path.resolve(here, '../../../shared/seeds/retool-management-api.openapi.yml'),
  path.resolve(here, '../fixtures/retool-management-api.openapi.yml'),
];
const specFile = candidates.find((file) => fs.existsSync(file));
if (!specFile) throw new Error('the seed spec retool-management-api.openapi.yml was not found');

export const seedSpec = parse(fs.readFileSync(specFile, 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, object> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'seed', components: seedSpec.components });

/**
 * Validates `value` against a component schema of the seed spec (`User`, `Error`, ...) and
 * returns the validator's complaints, empty when it conforms.
 */
export function seedSchemaErrors(schemaName: string, value: unknown): string[] {
  const validate = ajv.getSchema(`seed#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`the seed spec has no schema ${schemaName}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
