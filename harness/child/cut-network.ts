/**
 * Takes away, before student code loads, what Node's permission model leaves
 * open: the network (fetch, WebSocket, and the socket, HTTP and DNS modules,
 * which student code can reach through `process.mainModule.require` or a
 * dynamic import), heap snapshots (they would show the channel token), and
 * `process.binding` (raw access to the same internals). Where the operating
 * system gives the process its own network namespace, this is a second wall;
 * where it does not, it is the only one.
 */
import dgram from 'node:dgram';
import module from 'node:module';
import net from 'node:net';
import v8 from 'node:v8';

const MODULES = ['net', 'tls', 'dgram', 'http', 'https', 'http2', 'dns', 'dns/promises', 'cluster', 'inspector'];
const GLOBALS = ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'];

function refuse(what: string): () => never {
  return () => {
    throw new Error(`${what} is not available to submissions (no network in the grader)`);
  };
}

/** Replaces every function a network module exports, and the socket methods reachable from existing sockets. */
export function cutNetwork(): void {
  const require = module.createRequire('/');
  // Node creates its stdout/stderr sockets lazily from `net`: make them before `net` is cut.
  void process.stdout;
  void process.stderr;
  for (const name of GLOBALS) delete (globalThis as { [k: string]: unknown })[name];
  const socketProto = net.Socket.prototype;
  const datagramProto = dgram.Socket.prototype;
  // Load them all before changing any: loading one (tls) subclasses another's exports (net.Socket).
  const loaded = MODULES.map((name) => [name, require(`node:${name}`) as object] as const);
  for (const [name, exports] of loaded) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(exports))) {
      // Some exports are lazy getters (net.BlockList): replace the property, not its value.
      if (typeof d.value === 'function' || (d.get && d.configurable)) Object.defineProperty(exports, key, { value: refuse(`${name}.${key}`), writable: false, configurable: false });
    }
  }
  // An existing socket's class (process.stdout.constructor) still reaches these.
  socketProto.connect = refuse('net.Socket.connect');
  for (const m of ['send', 'bind', 'connect'] as const) datagramProto[m] = refuse(`dgram.Socket.${m}`);
  v8.getHeapSnapshot = refuse('v8.getHeapSnapshot');
  v8.writeHeapSnapshot = refuse('v8.writeHeapSnapshot');
  (process as unknown as { binding: unknown }).binding = refuse('process.binding');
  // `import('node:net')` reads the ES module view of a built-in: bring it in line with the patched exports.
  module.syncBuiltinESMExports();
}
