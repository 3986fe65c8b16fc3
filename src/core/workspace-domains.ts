import { invalidInput } from './errors.ts';

/** How many domains one workspace may list. */
export const MAX_DOMAINS = 100;

/**
 * A host name of two or more dot-separated labels (letters, digits, inner hyphens, at most
 * 63 characters each), ending in a label that starts with a letter; 253 characters at most.
 * Internationalised names are given in their punycode form (`xn--…`).
 */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The workspace's domains as they are stored: lower-cased, without duplicates, in the order
 * given. Anything that is not a plain domain name (a URL, an address, a wildcard, white
 * space) is a 400 naming the item (`<field>.<index>`).
 */
export function normalizeDomains(values: readonly string[], field = 'domains'): string[] {
  if (values.length > MAX_DOMAINS) throw invalidInput(field, `at most ${MAX_DOMAINS} domains`);
  const result: string[] = [];
  values.forEach((value, index) => {
    const domain = value.toLowerCase();
    if (!DOMAIN.test(domain)) {
      throw invalidInput(`${field}.${index}`, `"${value}" is not a domain name such as example.com`, 'invalid_domain');
    }
    if (!result.includes(domain)) result.push(domain);
  });
  return result;
}

/** The lower-cased part of an email address after its last @. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether an invitee from `email` is external to a workspace owning `domains`: the email's
 * domain must be one of them exactly (a subdomain does not count). A workspace without
 * domains treats everyone as external.
 */
export function isExternalEmail(email: string, domains: readonly string[]): boolean {
  return !domains.includes(emailDomain(email));
}
