/** Texts of the events pages. English must have every Danish key (the type checks it). */
const da = {
} as const satisfies Record<string, string>;

const en: Record<keyof typeof da, string> = {
};

export const eventsMessages = { da, en };
