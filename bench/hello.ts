// The yardstick: the smallest Fastify server, run on the same machine in the same benchmark.
// `/sized?bytes=n` answers n bytes of HTML instead: hello world with a page's body, a fair lower
// bound for what sending a page of that size costs (the kernel's write and the client's read).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
const bodies = new Map<number, Buffer>();
app.get<{ Querystring: { bytes?: string } }>('/sized', async (request, reply) => {
  const bytes = Math.min(1_000_000, Number(request.query.bytes ?? 0) || 0);
  let body = bodies.get(bytes);
  if (!body) bodies.set(bytes, (body = Buffer.alloc(bytes, 'hello world ')));
  return reply.type('text/html; charset=utf-8').send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
