// Preloaded (NODE_OPTIONS=--require) into every Node process of a test run: appends the host and port
// of each TCP connection it opens to RECORD_CONNECTIONS_FILE, one per line.
const { appendFileSync } = require('node:fs');
const net = require('node:net');

const file = process.env.RECORD_CONNECTIONS_FILE;
if (file) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const options =
      typeof args[0] === 'object' && args[0] !== null
        ? Array.isArray(args[0])
          ? args[0][0]
          : args[0]
        : { port: args[0], host: args[1] };
    if (options && options.port !== undefined)
      appendFileSync(file, `${process.pid} ${options.host ?? 'localhost'}:${options.port}\n`);
    return connect.apply(this, args);
  };
}
