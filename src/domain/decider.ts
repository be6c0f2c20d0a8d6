// The shape of every module's pure core: a command and the current state decide new events, and
// events fold into state. No I/O, clock or randomness here: time, ids and the actor arrive in the
// command context, which is what makes deciders replayable and their tests plain given/when/then.
import { z } from 'zod';
import type { Labels } from './values.ts';

const roles = [
  'rector',
  'director',
  'acting_director',
  'head_of_accreditation_sector',
  'senior_inspector',
  'specialist',
  'inspector',
  'head_of_rating_division',
  // The Rating division's inspector: `inspector` is the sector's (licensing, accreditation), so a
  // licensing inspector does not review rating entries.
  'rating_inspector',
  'methodist',
  'unit_head',
  'teacher',
  'auditor',
  'integration',
  // The hub itself, sending follow-ups of reactors and the clock; never given in a token.
  'system',
] as const;

/** Each role as a person reads it, in the three languages (the `me` query and error messages show them). */
export const roleLabels: Labels<(typeof roles)[number]> = {
  rector: { ky: 'Ректор', ru: 'Ректор', en: 'Rector' },
  director: { ky: 'Департаменттин директору', ru: 'Директор департамента', en: 'Director of the department' },
  acting_director: { ky: 'Директордун милдетин аткаруучу', ru: 'Исполняющий обязанности директора', en: 'Acting director' },
  head_of_accreditation_sector: { ky: 'Аккредитация секторунун башчысы', ru: 'Заведующий сектором аккредитации', en: 'Head of the accreditation sector' },
  senior_inspector: { ky: 'Улук инспектор', ru: 'Старший инспектор', en: 'Senior inspector' },
  specialist: { ky: 'Адис', ru: 'Специалист', en: 'Specialist' },
  inspector: { ky: 'Аккредитация секторунун инспектору', ru: 'Инспектор сектора аккредитации', en: 'Inspector of the accreditation sector' },
  rating_inspector: { ky: 'Рейтинг бөлүмүнүн инспектору', ru: 'Инспектор отдела рейтинга', en: 'Inspector of the rating division' },
  head_of_rating_division: { ky: 'Рейтинг бөлүмүнүн башчысы', ru: 'Начальник отдела рейтинга', en: 'Head of the rating division' },
  methodist: { ky: 'Методист', ru: 'Методист', en: 'Methodologist' },
  unit_head: {
    ky: 'Бөлүмдүн жетекчиси (факультет, институт, колледж, кафедра)',
    ru: 'Руководитель подразделения (факультет, институт, колледж, кафедра)',
    en: 'Head of a unit (faculty, institute, college, chair)',
  },
  teacher: { ky: 'Окутуучу', ru: 'Преподаватель', en: 'Teacher' },
  auditor: { ky: 'Аудитор', ru: 'Аудитор', en: 'Auditor' },
  integration: { ky: 'Интеграция (тышкы система)', ru: 'Интеграция (внешняя система)', en: 'Integration (an outside system)' },
  system: { ky: 'Хаб өзү (автоматтык аракеттер)', ru: 'Сам хаб (автоматические действия)', en: 'The hub itself (automatic follow-ups)' },
};

export const roleSchema = z.enum(roles).meta({
  id: 'Role',
  description: "A role of the department's staffing (and the university around it) that a token grants; it decides which commands a caller may send.",
  labels: roleLabels,
});
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(roleSchema),
  unit: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export type CommandContext = {
  actor: Actor;
  /** The moment the command is decided, ISO 8601. */
  now: string;
  commandId: string;
};

/** A domain event before it is stored: its type and its data. */
export type DomainEvent<Type extends string = string, Data extends Record<string, unknown> = Record<string, unknown>> = {
  type: Type;
  data: Data;
};

export type Decider<Command, Event extends DomainEvent, State> = {
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: CommandContext) => Event[];
};

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
