/** One option as the form edits it: its name and its value as text. */
export interface OptionRow {
  key: string;
  value: string;
}

/** Options as rows: strings as they are, other values (numbers, true/false, lists) as JSON. */
export function toOptionRows(options: Record<string, unknown>): OptionRow[] {
  return Object.entries(options).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

const JSON_VALUE = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null|\[.*\]|\{.*\})$/s;

/** A row's value: text that reads as a number, true/false, null, a list or an object is sent as that; anything else as text. */
export function optionValue(text: string): unknown {
  const trimmed = text.trim();
  if (!JSON_VALUE.test(trimmed)) return text;
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

/** The rows as options, or the first problem: a value without a name, or a name given twice. Empty rows are skipped. */
export function fromOptionRows(rows: readonly OptionRow[]): { options: Record<string, unknown> } | { error: string; row: number } {
  const options: Record<string, unknown> = {};
  for (const [index, row] of rows.entries()) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) return { error: 'Give the option a name', row: index };
    if (Object.hasOwn(options, key)) return { error: `"${key}" is given twice`, row: index };
    options[key] = optionValue(row.value);
  }
  if (Object.keys(options).length > 200) return { error: 'At most 200 options', row: rows.length - 1 };
  return { options };
}

/** Secret names the server takes: letters, digits, `_`, `.` and `-`, up to 100 characters. */
export const SECRET_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The resource types the console offers, with the names the server shows them by; other types can be typed in. */
export const RESOURCE_TYPES: readonly { value: string; label: string }[] = [
  { value: 'postgresql', label: 'PostgreSQL' },
  { value: 'mysql', label: 'MySQL' },
  { value: 'mssql', label: 'Microsoft SQL Server' },
  { value: 'mongodb', label: 'MongoDB' },
  { value: 'redis', label: 'Redis' },
  { value: 'snowflake', label: 'Snowflake' },
  { value: 'bigquery', label: 'BigQuery' },
  { value: 'restapi', label: 'REST API' },
  { value: 'graphql', label: 'GraphQL' },
  { value: 'googlesheets', label: 'Google Sheets' },
  { value: 's3', label: 'Amazon S3' },
  { value: 'dynamodb', label: 'DynamoDB' },
  { value: 'elasticsearch', label: 'Elasticsearch' },
  { value: 'airtable', label: 'Airtable' },
  { value: 'stripe', label: 'Stripe' },
  { value: 'slack', label: 'Slack' },
  { value: 'smtp', label: 'SMTP' },
];
