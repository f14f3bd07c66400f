const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The interface the demo listens on (127.0.0.1 unless HOST says otherwise) and the warning it prints if not loopback. */
export function demoListen(hostVar: string | undefined, port: string): { host: string; warning: string | null } {
  const host = hostVar ?? '127.0.0.1';
  if (LOOPBACK.has(host)) return { host, warning: null };
  return {
    host,
    warning: [
      `WARNING: the demo listens on ${host}, not only on this machine. Anyone who can reach port ${port} can read every`,
      'demo mailbox (and so sign in as any demo account, the admin included). Use HOST only on a network you trust.',
    ].join('\n'),
  };
}
