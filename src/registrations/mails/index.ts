/**
 * The mails about registrations, as the rest of registrations uses them:
 * a change queues its mail in its own transaction (enqueue.ts), a new
 * sign-up queues a build of its receipt (received-mail.ts), staff read how an
 * answer is written in a mail, and "Mine tilmeldinger" sends its link.
 */
export { enqueueRegistrationMail, type RegistrationMail } from './enqueue.js';
export { receivedMailToBuild, registerRegistrationMailBuilders, type ReceivedMailFacts } from './received-mail.js';
export { answerText, loadMailFacts, loginLinkMail, mailReplaced, type MailFacts } from './registration-mails.js';
export { cancellationRule } from './rule-text.js';
export { mailEventCancelled } from './event-cancelled.js';
