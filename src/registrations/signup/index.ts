/**
 * Sign-up: the form, its steps, the engine that saves a sign-up under the
 * event's lock (batches, offer, limits, capacity and waiting-list rules,
 * prices) and the public API. What the rest of registrations and other areas
 * use of it; the routes are registered through ../routes.ts.
 */
export { createRegistration, type CreatedRegistration, type CreateOptions } from './create-registration.js';
export { getEventSignup, questionLabels, signupCounts, type EventSignup } from './event-signup.js';
export { addAddOn, addQuestion, setSignupSettings, type SignupSettings } from './signup-settings.service.js';
export { PRICE_KINDS, type PriceKind } from './pricing.js';
