/**
 * A crowd signing up through the public API, the way a careful client does:
 * every sign-up carries its own Idempotency-Key and is retried with the same
 * key and the same body after a network error or a 5xx, until it gets an
 * answer it can keep (201, or a 4xx that retrying cannot change).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { sleep } from './processes.js';

/** One participant, signing up alone; `n` makes the e-mail address unique within a run. */
export function signupBody(tag: string, n: number) {
  return {
    payer: {
      organisation: 'Aarhus Kommune',
      cvr: '55133018',
      address: 'Rådhuspladsen 2',
      postalCode: '8000',
      city: 'Aarhus C',
      email: `faktura-${tag}-${n}@kommune.dk`,
    },
    participants: [{ name: `Deltager ${n}`, email: emailOf(tag, n), jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
    acceptTerms: true,
  };
}

export function emailOf(tag: string, n: number): string {
  return `deltager-${tag}-${n}@kommune.dk`;
}

export interface CreatedBody {
  id: number;
  status: 'confirmed' | 'waitlisted';
  manageUrl: string;
  participants: Array<{ id: number; status: 'confirmed' | 'waitlisted'; waitingListPosition: number | null }>;
}

export interface SignupOutcome {
  n: number;
  key: string;
  email: string;
  /** Requests sent for this sign-up (1 when the first one was answered). */
  attempts: number;
  /** The status code of the answer kept; 0 when none came before the deadline. */
  status: number;
  body: CreatedBody | undefined;
  /** True when the answer kept was a replay of an earlier request with the same key. */
  replayed: boolean;
  /** What went wrong on the attempts before (network errors, 5xx). */
  failures: string[];
}

export interface SignupRun {
  /** Answered with 201 so far. */
  readonly acked: number;
  /** Requests sent and not yet answered. */
  readonly inFlight: number;
  /** Requests that failed (network error or 5xx) and were retried. */
  readonly failedAttempts: number;
  readonly done: Promise<SignupOutcome[]>;
}

export interface SignupRunOptions {
  baseUrl: string;
  slug: string;
  /** Distinguishes the e-mail addresses of one run from another's. */
  tag: string;
  count: number;
  concurrency: number;
  /** Give up retrying after this long (the outcome then has status 0). */
  deadlineMs?: number;
  /** Pause before a retry (default 150 ms). */
  retryDelayMs?: number;
}

interface Answer {
  status: number;
  text: string;
  replayed: boolean;
}

function post(agent: http.Agent, url: URL, body: string, key: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            replayed: response.headers['idempotent-replayed'] === 'true',
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout after 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/** Starts `count` sign-ups, `concurrency` at a time; read the counters while it runs. */
export function startSignups(options: SignupRunOptions): SignupRun {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL(`/api/v1/events/${encodeURIComponent(options.slug)}/registrations`, options.baseUrl);
  const deadline = Date.now() + (options.deadlineMs ?? 180_000);
  const retryDelay = options.retryDelayMs ?? 150;
  const outcomes: SignupOutcome[] = [];
  const counters = { acked: 0, inFlight: 0, failedAttempts: 0 };
  let nextIndex = 0;

  async function one(n: number): Promise<SignupOutcome> {
    const outcome: SignupOutcome = {
      n,
      key: randomUUID(),
      email: emailOf(options.tag, n),
      attempts: 0,
      status: 0,
      body: undefined,
      replayed: false,
      failures: [],
    };
    const body = JSON.stringify(signupBody(options.tag, n));
    while (Date.now() < deadline) {
      outcome.attempts += 1;
      counters.inFlight += 1;
      let answer: Answer | undefined;
      let failure: string | undefined;
      try {
        answer = await post(agent, url, body, outcome.key);
      } catch (error) {
        failure = (error as { code?: string }).code ?? (error as Error).message;
      } finally {
        counters.inFlight -= 1;
      }
      if (answer && answer.status < 500) {
        outcome.status = answer.status;
        outcome.replayed = answer.replayed;
        if (answer.status === 201) {
          outcome.body = JSON.parse(answer.text) as CreatedBody;
          counters.acked += 1;
        } else {
          outcome.failures.push(`${answer.status} ${answer.text.slice(0, 300)}`);
        }
        return outcome;
      }
      counters.failedAttempts += 1;
      if (outcome.failures.length < 5) outcome.failures.push(failure ?? `${answer!.status} ${answer!.text.slice(0, 200)}`);
      await sleep(retryDelay + Math.random() * retryDelay);
    }
    return outcome;
  }

  const done = (async () => {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (nextIndex < options.count) {
          const n = ++nextIndex;
          outcomes.push(await one(n));
        }
      }),
    );
    agent.destroy();
    return outcomes.sort((a, b) => a.n - b.n);
  })();

  return {
    get acked() {
      return counters.acked;
    },
    get inFlight() {
      return counters.inFlight;
    },
    get failedAttempts() {
      return counters.failedAttempts;
    },
    done,
  };
}
