/**
 * neo4j-driver 5.28 leaves Nagle's algorithm on for its Bolt sockets and has no option to turn it off:
 * a transaction's last small write then waits for the server's delayed ACK, about 40 ms per query
 * (measured by the benchmark: the timeline query 46 ms with it, 3.3 ms without). Node creates the
 * sockets through net.Socket#connect, so new sockets get TCP_NODELAY there, as HTTP servers and the
 * other Neo4j drivers do. Process-wide on purpose: it only ever lowers latency.
 */
import net from 'node:net';

let applied = false;

export function disableNagle(): void {
  if (applied) return;
  applied = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}
