/**
 * `tilmeld user create --email E --role R [--name N] [--locale da|en]`.
 * The password comes from TILMELD_PASSWORD or is asked for without echo.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openContext } from '../bootstrap.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.js';
import { ROLES, isRole } from './roles.js';
import { createApiToken, createStaffUser, normaliseStaffEmail } from './staff.service.js';
import { findUserByEmail } from './staff.queries.js';

export const userUsage = `Usage: tilmeld user create --email E --role ${ROLES.join('|')} [--name N] [--locale da|en]

The password is read from the TILMELD_PASSWORD environment variable, or asked
for (not shown while typed). It must be at least ${MIN_PASSWORD_LENGTH} characters.`;

/** Reads a line from the terminal without showing it; from a pipe, reads the first line. */
export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) {
      chunks.push(chunk as Buffer);
      if (Buffer.concat(chunks).includes(10)) break;
    }
    process.stderr.write('\n');
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.TILMELD_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  // From a pipe the first line is the password; there is nobody to ask twice.
  if (!process.stdin.isTTY) return promptHidden('Password: ');
  const first = await promptHidden('Password: ');
  if (passwordProblem(first)) return first;
  const again = await promptHidden('Repeat the password: ');
  if (again !== first) throw new UsageError('The two passwords differ; nothing was created.');
  return first;
}

class UsageError extends Error {}

function passwordMessage(problem: 'tooShort' | 'tooLong'): string {
  return problem === 'tooShort'
    ? `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few ordinary words in a row make a good one). Nothing was created.`
    : 'The password is too long (at most 1000 characters). Nothing was created.';
}

async function createUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
  });
  if (!values.email || !values.role) {
    console.error(`Give --email and --role.\n\n${userUsage}`);
    return 2;
  }
  if (!isRole(values.role)) {
    console.error(`Unknown role "${values.role}": use one of ${ROLES.join(', ')}.`);
    return 2;
  }
  const locale = values.locale ?? 'da';
  if (locale !== 'da' && locale !== 'en') {
    console.error('--locale must be da or en.');
    return 2;
  }
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) {
    console.error(passwordMessage(problem));
    return 1;
  }
  const ctx = await openContext(loadConfig());
  try {
    const email = values.email.trim().toLowerCase();
    const name = values.name?.trim() || email.split('@')[0]!;
    const result = await createStaffUser(ctx, { email, name, role: values.role, locale, password }, null);
    if (result.ok) {
      console.log(`Created ${values.role} ${email} (id ${result.id}). Log in at ${ctx.config.baseUrl}/admin/login`);
      return 0;
    }
    if (result.reason === 'emailTaken') console.error(`There is already a user with the e-mail ${email}.`);
    else if (result.reason === 'password') console.error(passwordMessage(result.problem));
    else console.error(`Not valid: ${result.fields.join(', ')}.`);
    return 1;
  } finally {
    await ctx.db.destroy();
  }
}

export const tokenUsage = `Usage: tilmeld token create --email E [--name N]

Prints a new API token for the staff member once; it acts with their role.
Send it as "Authorization: Bearer <token>".`;

async function createToken(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) {
    console.error(`Give --email.\n\n${tokenUsage}`);
    return 2;
  }
  const ctx = await openContext(loadConfig());
  try {
    const user = await findUserByEmail(ctx.db, normaliseStaffEmail(values.email));
    if (!user || user.disabled_at !== null) {
      console.error(`There is no active staff member with the e-mail ${values.email}.`);
      return 1;
    }
    const { token } = await createApiToken(ctx, user.id, values.name ?? 'CLI', null);
    console.error(`API token for ${user.email} (${user.role}). It is shown only now; keep it secret:`);
    console.log(token);
    return 0;
  } finally {
    await ctx.db.destroy();
  }
}

export async function runTokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'create') return await createToken(rest);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      return 2;
    }
    throw error;
  }
  console.error(tokenUsage);
  return 2;
}

export async function runUserCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'create') return await createUser(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      return 2;
    }
    throw error;
  }
  console.error(userUsage);
  return 2;
}
