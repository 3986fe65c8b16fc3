/** A ToolJet export file as the import route takes it. */
export interface ExportFile {
  tooljet_version: string;
  app: [{ definition: { appV2: Record<string, unknown> } }];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the text of a chosen file as an export file, or says plainly why it is not one. */
export function readExportFile(text: string): { file: ExportFile } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON: choose a file exported from ToolJet or from this console.' };
  }
  if (!isObject(parsed)) return { error: 'The file holds no export: it should be a JSON object.' };
  if (typeof parsed.tooljet_version !== 'string' || !parsed.tooljet_version) return { error: 'The file does not say which ToolJet release wrote it (tooljet_version).' };
  const apps = parsed.app;
  if (!Array.isArray(apps) || apps.length !== 1 || !isObject(apps[0]) || !isObject(apps[0].definition) || !isObject(apps[0].definition.appV2)) {
    return { error: 'The file holds no app definition (app[0].definition.appV2).' };
  }
  return { file: { tooljet_version: parsed.tooljet_version, app: [{ definition: { appV2: apps[0].definition.appV2 } }] } };
}

/** A file name for an app's export: its name made safe, with the date. */
export function exportFileName(appName: string, at = new Date()): string {
  const safe = appName.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'app';
  return `${safe}-${at.toISOString().slice(0, 10)}.json`;
}
