/**
 * A TCP listener for Vault's `socket` audit device: records every line it receives, so a test can
 * assert that an audit entry for a request it made actually left the server.
 */
import { createServer, type Server, type Socket } from 'node:net';

export class AuditListener {
  readonly lines: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static start(port = 0): Promise<AuditListener> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      let listener: AuditListener | undefined;
      server.on('connection', (socket) => listener?.accept(socket));
      server.on('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const a = server.address();
        listener = new AuditListener(server, typeof a === 'object' && a ? a.port : port);
        resolve(listener);
      });
    });
  }

  /** host:port, the form Vault's socket device and the landing zone's auditRelay take. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    let pending = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        if (line) this.lines.push(line);
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
  }

  /** The received lines parsed as JSON (Vault writes one JSON object per line). */
  entries(): Record<string, unknown>[] {
    return this.lines.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** Waits until a received entry satisfies `match`. */
  async waitFor(match: (entry: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.entries().find(match);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`audit listener ${this.address}: no matching entry after ${timeoutMs / 1000} s (${this.lines.length} lines received)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
