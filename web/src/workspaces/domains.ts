/** Email domains typed as a list (commas, spaces or lines between them), lower-cased, without repeats. */
export function parseDomains(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((domain) => domain.trim().toLowerCase()).filter(Boolean))];
}
