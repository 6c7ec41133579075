/**
 * A Tilmeld server for the multi-process concurrency test: listens on a free
 * port on 127.0.0.1 and prints {"port": n} on its first line of output.
 * Configured from the environment like the real server (DATABASE_URL, DATA_DIR …).
 */
import { buildApp } from '../../src/app.js';
import { openContext } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';

const ctx = await openContext(loadConfig());
const app = await buildApp(ctx, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);

async function stop(): Promise<void> {
  await app.close();
  await ctx.db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
