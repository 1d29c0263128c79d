/**
 * Loaded into the build by `npm test` (`--import`): every network connection the build's main
 * thread opens is written to the file KB_NETWORK_LOG names, one `host:port` a line, for
 * tests/build/offline.test.ts. The file is made as soon as this loads, so an empty file shows the
 * tripwire ran and nothing connected. It catches connections at the socket, under fetch, http,
 * https and tls alike; sockets on a path (pipes) are not the network and are left out.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.KB_NETWORK_LOG;
if (log) {
  writeFileSync(log, '', { flag: 'a' });
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // Node's own callers pass their arguments already normalized, as one array.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as { path?: string; host?: string; port?: unknown };
    if (options.path === undefined) appendFileSync(log, `${JSON.stringify(`${options.host ?? 'localhost'}:${String(options.port)}`)}\n`);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}
