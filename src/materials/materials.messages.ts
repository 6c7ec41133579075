/** Texts about materials. English must have every Danish key (the type checks it). */
const da = {
  'materials.participant.heading': 'Materialer',
  'materials.participant.lede': 'Materialer til deltagerne på arrangementet. De er kun for dig og dine kolleger på tilmeldingen.',
  'materials.participant.none': 'Der er ingen materialer til deltagerne endnu.',
  'materials.participant.laterOne': 'Der kommer et materiale mere her, når arrangementet er slut ({when}).',
  'materials.participant.laterMany': 'Der kommer {count} materialer mere her, når arrangementet er slut ({when}).',
  'materials.participant.laterOnly': 'Materialerne til deltagerne kommer her, når arrangementet er slut ({when}).',
  'materials.participant.noSeat': 'Materialerne til deltagerne kan hentes her, når der er en bekræftet plads på tilmeldingen.',
  'materials.file': '{type}, {size}',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof da, string> = {
  'materials.participant.heading': 'Materials',
  'materials.participant.lede': 'Materials for the participants of the event. They are only for you and your colleagues on this registration.',
  'materials.participant.none': 'There are no materials for participants yet.',
  'materials.participant.laterOne': 'One more material will appear here when the event is over ({when}).',
  'materials.participant.laterMany': '{count} more materials will appear here when the event is over ({when}).',
  'materials.participant.laterOnly': 'The materials for participants will appear here when the event is over ({when}).',
  'materials.participant.noSeat': 'The materials for participants can be downloaded here once the registration holds a confirmed seat.',
  'materials.file': '{type}, {size}',
};

export const materialsMessages = { da, en };
