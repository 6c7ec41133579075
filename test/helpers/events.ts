/**
 * Events for tests, written the way staff write them: through the event
 * editor (its document schema, search index and audit entry), as the system.
 * Themes named by a test are made first; a cancelled or archived event is
 * created and then cancelled or archived through the status services.
 */
import type { AppContext } from '../../src/context.js';
import type { EventDocumentInput } from '../../src/events/event-document.schema.js';
import { createEventFromDocument } from '../../src/events/event-editor.service.js';
import { archiveEvent, cancelEvent } from '../../src/events/event-status.service.js';
import { EventDocumentInvalidError } from '../../src/events/events.admin.errors.js';
import { SYSTEM_EDITOR } from '../../src/events/events.audit.js';
import type { EventStatus } from '../../src/events/events.table.js';
import { ensureThemes, type ThemeInput } from '../../src/events/themes.service.js';

export type TestEventInput = Omit<EventDocumentInput, 'status' | 'themes'> & { status?: EventStatus; themes?: ThemeInput[] };

/** Creates the event and returns its id. */
export async function createTestEvent(ctx: AppContext, input: TestEventInput): Promise<number> {
  const { status = 'draft', themes = [], ...document } = input;
  await ensureThemes(ctx, themes);
  const { id } = await createEventFromDocument(ctx, SYSTEM_EDITOR, {
    ...document,
    status: status === 'draft' ? 'draft' : 'published',
    themes: themes.map((t) => t.slug),
  }).catch((error: unknown) => {
    // A fixture the editor refuses: say which rule, so the fixture can be mended.
    if (error instanceof EventDocumentInvalidError) throw new Error(`Test event ${input.slug ?? input.title}: ${JSON.stringify(error.issues)}`);
    throw error;
  });
  if (status === 'archived') await archiveEvent(ctx, SYSTEM_EDITOR, id);
  if (status === 'cancelled') await cancelEvent(ctx, SYSTEM_EDITOR, id, {});
  return id;
}
