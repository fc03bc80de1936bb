/**
 * A chat-completions endpoint on the loopback interface, on a port the system picks, for the
 * model client's tests. Each test says how the next request is answered; the server records what
 * it was sent and tells when the client closed the connection before the reply ended.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export type Reply = (res: http.ServerResponse, req: ReceivedRequest) => void;

/** One streamed chunk of the protocol, as a `data:` event. */
export function chunk(content: string, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
}

export const DONE = 'data: [DONE]\n\n';

export function startStream(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

export class ChatServer {
  readonly received: ReceivedRequest[] = [];
  private reply: Reply = (res) => res.writeHead(500).end('no reply set');
  private closedEarly: Array<() => void> = [];
  private readonly server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text for the test to see.
      }
      const received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      this.received.push(received);
      res.on('close', () => {
        if (res.writableFinished) return;
        const waiting = this.closedEarly;
        this.closedEarly = [];
        for (const resolve of waiting) resolve();
      });
      this.reply(res, received);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** How the next requests are answered. */
  answer(reply: Reply): void {
    this.reply = reply;
  }

  /** Resolves when the client closes a connection whose reply had not ended. */
  closedByClient(): Promise<void> {
    return new Promise((resolve) => this.closedEarly.push(resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
