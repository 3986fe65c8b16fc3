/** Human-readable names of well-known resource types; other types show as given. */
const DISPLAY_NAMES: Record<string, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mssql: 'Microsoft SQL Server',
  mongodb: 'MongoDB',
  redis: 'Redis',
  snowflake: 'Snowflake',
  bigquery: 'BigQuery',
  restapi: 'REST API',
  graphql: 'GraphQL',
  googlesheets: 'Google Sheets',
  s3: 'Amazon S3',
  dynamodb: 'DynamoDB',
  elasticsearch: 'Elasticsearch',
  airtable: 'Airtable',
  stripe: 'Stripe',
  slack: 'Slack',
  smtp: 'SMTP',
};

export function displayNameOf(type: string): string {
  return DISPLAY_NAMES[type.toLowerCase()] ?? type;
}
