// First: keeps the shape of Node's tick objects alive (lib/tick-shape.ts).
import './lib/tick-shape.js';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, restore } from './db/backup.js';
import { loadConfig } from './config.js';
import { openContext } from './bootstrap.js';
import { seedAfterEventDemo, seedDemo } from './demo/demo.js';

const usage = `Usage: tilmeld <command> [options]

Commands:
  serve              start the web server (same as npm start)
  worker             send mail from the outbox until SIGTERM/SIGINT (beside servers with OUTBOX_WORKER=off)
  migrate            bring the database schema up to date
  seed --demo        load the demo content (events, news, materials)
  backup [--out DIR] copy the database and uploaded files to a new folder (online)
  restore DIR        put a backup back (stop the server first)
  user create --email E --role admin|manager|finance|facilitator [--name N] [--locale da|en]
                     create a staff account (password from TILMELD_PASSWORD or a prompt)
  token create --email E [--name N]
                     print a new API token for a staff member (shown once)
  groups solve FILE [--seconds S] [--seed N]
                     solve a grouping instance (MDGPLIB format) and print the plan as JSON
  help               show this text

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, BASE_URL,
SMTP_URL, MAIL_FROM, OUTBOX_WORKER, INVOICING_WORKER.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await import('./server.js');
      return -1;
    case 'worker': {
      const { runOutboxWorkerCommand } = await import('./messages/outbox.cli.js');
      return runOutboxWorkerCommand();
    }
    case 'migrate': {
      const ctx = await openContext(loadConfig());
      await ctx.db.destroy();
      console.log('Database is up to date.');
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) {
        console.error('Only demo content can be seeded: tilmeld seed --demo');
        return 2;
      }
      const ctx = await openContext(loadConfig());
      const summary = await seedDemo(ctx);
      await seedAfterEventDemo(ctx);
      await ctx.db.destroy();
      console.log(
        summary.alreadyLoaded
          ? 'Demo content is already loaded; nothing was added.'
          : `Demo content loaded: ${summary.events} events, ${summary.articles} articles, ${summary.materials} materials.`,
      );
      return 0;
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      const config = loadConfig();
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const target = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `tilmeld-${stamp}`));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await backup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, target });
      console.log(`Backup written to ${target}`);
      return 0;
    }
    case 'restore': {
      const source = rest[0];
      if (!source) {
        console.error('Name the backup folder: tilmeld restore DIR');
        return 2;
      }
      const config = loadConfig();
      restore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, target: config.dataDir, source: path.resolve(source) });
      console.log(`Restored from ${source}. Start Tilmeld again; pending migrations run on start.`);
      return 0;
    }
    case 'user': {
      const { runUserCommand } = await import('./staff/staff.cli.js');
      return runUserCommand(rest);
    }
    case 'token': {
      const { runTokenCommand } = await import('./staff/staff.cli.js');
      return runTokenCommand(rest);
    }
    case 'groups': {
      const { runGroupsCommand } = await import('./groups/groups.cli.js');
      return runGroupsCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
