import type { DemoEvent } from './demo-event.js';
import type { DemoCalendar } from './calendar.js';
import { courses } from './courses.js';
import { seminar2016, seminarEdition } from './doegnseminar.js';
import { gatherings } from './gatherings.js';
import { webinars } from './webinars.js';

/** Every demo event by a name the articles can refer to, in the order they are created. */
export function demoEvents(cal: DemoCalendar) {
  return {
    seminar2016: seminar2016(),
    seminarEdition: seminarEdition(cal),
    ...courses(cal),
    ...gatherings(cal),
    ...webinars(cal),
  } satisfies Record<string, DemoEvent>;
}

export type DemoEvents = ReturnType<typeof demoEvents>;
export type DemoEventKey = keyof DemoEvents;
