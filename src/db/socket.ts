/**
 * neo4j-driver 5.28 leaves Nagle's algorithm on for its Bolt sockets and has no option to turn it off:
 * a transaction's last small write then waits for the server's delayed ACK, about 40 ms per query
 * (measured by the benchmark: the timeline query 46 ms with it, 3.3 ms without). Node creates the
 * sockets through net.Socket#connect, so new sockets get TCP_NODELAY there, as HTTP servers and the
 * other Neo4j drivers do. Process-wide on purpose: it only ever lowers latency.
 *
 * Without Nagle every write is a system call and a packet of its own, and the driver writes each Bolt
 * message separately, a promise apart (a read transaction's BEGIN, RUN and PULL): 11 % of the API's CPU
 * under load went to socket writes. So a socket is corked at its first write and uncorked when the event
 * loop has run this round's callbacks and promises (setImmediate), which sends them in one writev, as
 * Nagle would without its 40 ms wait. Measured on the company operation at c=32: writes 13 % -> 8 % of
 * the API's CPU.
 */
import net from 'node:net';

let applied = false;

export function disableNagle(): void {
  if (applied) return;
  applied = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true);
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    // After connect, which puts the prototype's write back on a socket.
    coalesceWrites(this);
    return socket;
  } as typeof net.Socket.prototype.connect;
}

function coalesceWrites(socket: net.Socket): void {
  const write = socket.write;
  const uncork = () => socket.uncork();
  socket.write = function (this: net.Socket, ...args: unknown[]) {
    if (this.writableCorked === 0) {
      this.cork();
      setImmediate(uncork);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof socket.write;
}
