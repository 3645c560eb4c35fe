/** A jest `it` whose failure message ends with the tail of every server log, so a CI failure explains itself. */
import type { Servers } from './servers';

export function itWithLogs(servers: () => Servers | undefined) {
  return (name: string, fn: () => Promise<void>, timeoutMs?: number): void => {
    it(
      name,
      async () => {
        try {
          await fn();
        } catch (e) {
          const s = servers();
          const err = e instanceof Error ? e : new Error(String(e));
          if (s) err.message += `\n\nServer logs (last lines):\n${s.logTails(25)}`;
          throw err;
        }
      },
      timeoutMs,
    );
  };
}
