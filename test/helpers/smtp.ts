import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process, on 127.0.0.1 without TLS or authentication.
 * Every message is parsed (mailparser) before the server answers 250, so by the time the
 * sender's request returns, the message is in `messages`.
 */
export class TestSmtpServer {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    /** Every message received, oldest first. */
    readonly messages: ParsedMail[],
  ) {}

  /** Listens on `port`, or on a free one when 0. */
  static async start(port = 0): Promise<TestSmtpServer> {
    const messages: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          messages.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address() as net.AddressInfo;
    return new TestSmtpServer(server, address.port, messages);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The messages sent to `address`, oldest first. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => recipients(mail).includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((group) => group.value.map((address) => (address.address ?? '').toLowerCase()));
}

/** A port nothing listens on (free a moment ago): connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The accept link of an invitation email, and the token in it. */
export function acceptLinkOf(mail: ParsedMail): { url: string; path: string; token: string } {
  const match = /(https?:\/\/[^\s/]+)(\/invite\/([A-Za-z0-9_-]+))/.exec(mail.text ?? '');
  if (!match) throw new Error(`no accept link in: ${mail.text}`);
  return { url: match[0], path: match[2]!, token: match[3]! };
}
