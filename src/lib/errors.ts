/** An error that carries the HTTP status it should become. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'Not found') => new HttpError(404, what);
export const badRequest = (what = 'Bad request') => new HttpError(400, what);

/** Answered when a rate limit is exceeded; rendered as a page in the design. */
export class TooManyRequestsError extends HttpError {
  constructor() {
    super(429, 'Too many requests');
    this.name = 'TooManyRequestsError';
  }
}
