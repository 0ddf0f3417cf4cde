/** Starting and stopping the HTTP servers of the publisher, the preview and the local web server. */
import http from 'node:http';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (0: a free port) and resolves with the address and a close that ends open connections. */
export function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
