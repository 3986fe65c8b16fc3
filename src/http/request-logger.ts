import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Factory = NonNullable<FastifyServerOptions['childLoggerFactory']>;
type Bindings = Parameters<Factory>[1];
type ChildLoggerOptions = Parameters<Factory>[2];
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
/** The pino logger Fastify makes from its `logger` options. */
type Logger = FastifyBaseLogger & { isLevelEnabled(level: Level): boolean };

/**
 * A request's logger, `parent.child(bindings)` made on the first line the request logs at
 * an enabled level. Fastify gives every request a child carrying its id; most requests log
 * nothing at the levels a server runs at, and making the child cost about as much as
 * answering a small request's routing and validation together.
 */
class RequestLogger implements FastifyBaseLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): FastifyBaseLogger['level'] {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: FastifyBaseLogger['level']) {
    this.child().level = level;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  trace(...args: unknown[]): void {
    this.write('trace', args);
  }

  silent(): void {}

  /** The request's own logger; with `bindings`, a child of it. */
  child(bindings?: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return bindings ? this.made.child(bindings, options) : this.made;
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.made && !this.parent.isLevelEnabled(level)) return;
    (this.child()[level] as (...line: unknown[]) => void)(...args);
  }
}

/**
 * Fastify's `childLoggerFactory` for a pino logger: the request's logger is made when first
 * used. A route with a level of its own gets its child at once, as that level may enable
 * lines the parent's does not.
 */
export function requestLogger(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  if (options.level !== undefined) return parent.child(bindings, options);
  return new RequestLogger(parent as Logger, bindings, options);
}
