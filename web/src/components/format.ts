const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A server timestamp in the reader's time zone and language. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? TIME.format(new Date(iso)) : '—';
}
