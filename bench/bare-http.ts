/**
 * The ceiling of HTTP on this machine for the serving benchmark: node:http that reads the body,
 * parses the JSON and answers a constant. `node dist/bench/bare-http.js PORT`
 */
import http from 'node:http';

const answer = JSON.stringify({ model: 'credit', version: 1, predictions: ['good'] });
http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString());
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    });
  })
  .listen(Number(process.argv[2]), '127.0.0.1', () => console.error('ready'));
