import type { FastifyInstance } from 'fastify';
import { sendHtmlPage } from './html.ts';
import { toNativeError } from './native/errors.ts';
import type { RateLimits } from './rate-limit.ts';

const FORM_BODY_LIMIT = 16 * 1024;

export interface LinkPageOptions {
  limits: RateLimits;
  /** Page titles by error code; others get `refusedTitle`. */
  titles: Record<string, string>;
  refusedTitle: string;
  /** The HTML of an error page with a title and a message. */
  errorPage: (title: string, message: string) => string;
}

/**
 * What every page behind an emailed link (`/invite/…`, `/reset-password/…`) shares: no
 * credentials, so each request counts against its address's budget; forms posted
 * form-urlencoded (16 KiB at most); and errors answered as a page of their own, escaped, with
 * nothing of a 5xx's cause.
 */
export function setUpLinkPage(app: FastifyInstance, options: LinkPageOptions): void {
  app.addHook('onRequest', options.limits.chargeAddress);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toNativeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const title = options.titles[body.code] ?? (status >= 500 ? 'Something went wrong' : options.refusedTitle);
    return sendHtmlPage(reply, status, options.errorPage(title, status >= 500 ? 'Please try again later.' : body.message));
  });
}
