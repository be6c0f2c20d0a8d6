// The department's deadlines in GraphQL: one list over every module (licences, rating campaigns,
// and each module that registers its dates), filtered and paged in a stable order (due date, key).
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { DeadlineRow } from '../projections/deadlines.ts';
import { localDateOf } from '../src/domain/values.ts';
import { isoDate } from '../src/domain/values.ts';
import { dueDateSources } from '../src/modules.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { enumFor } from './zod-types.ts';
import { automationReaders } from './automation.ts';
import { everyKyrgyzDay } from '../src/automation/clock.ts';
import { z } from 'zod';

const ORDER = 'due';
const DAY_MS = 86_400_000;

const kindLabels = Object.assign({}, ...dueDateSources.map((s) => s.kindLabels ?? {})) as Record<string, Record<'ky' | 'ru' | 'en', string>>;

/** Today in Kyrgyzstan by the hub's clock: what "overdue" and "days left" are counted from. */
const todayOf = (context: GraphQLContext): string => localDateOf(new Date(context.hub.clock.now()).toISOString());
const isOverdue = (row: DeadlineRow, on: string) => row.status === 'open' && row.due_on < on;

const Deadline = builder.objectRef<DeadlineRow>('Deadline').implement({
  description: 'Something due in one of the department’s processes: what, for whom, by when, and whether it is met.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key of the obligation, e.g. license:<id>:validity.' }),
    module: t.exposeString('module', { description: 'The module that declared it, e.g. licensing, ratings.' }),
    kind: t.exposeString('kind', { description: 'What kind of obligation, e.g. license_validity, rating_entries.' }),
    kindLabel: t.string({
      description: 'The kind in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (row, args, context) => kindLabels[row.kind]?.[args.language ?? context.language] ?? row.kind,
    }),
    title: t.exposeString('title', { description: 'What is due, in words.' }),
    dueOn: t.field({ type: 'Date', description: 'Last day (Kyrgyzstan time).', resolve: (row) => row.due_on }),
    done: t.boolean({ description: 'True once the obligation is met or closed.', resolve: (row) => row.status === 'done' }),
    doneOn: t.field({ type: 'Date', nullable: true, description: 'When it was met or closed.', resolve: (row) => row.done_on }),
    overdue: t.boolean({
      description: 'Not done and its last day has passed (Kyrgyzstan time).',
      resolve: (row, _args, context) => isOverdue(row, todayOf(context)),
    }),
    daysLeft: t.int({
      description: 'Days from today (Kyrgyzstan time) to the last day: 0 on the day, negative once passed.',
      resolve: (row, _args, context) => Math.round((Date.parse(row.due_on) - Date.parse(todayOf(context))) / DAY_MS),
    }),
    unit: t.exposeString('unit', { nullable: true, description: 'The unit (faculty, college, chair) it concerns, if any.' }),
    assignee: t.exposeString('assignee', { nullable: true, description: 'The person it is assigned to, if any.' }),
    entityType: t.exposeString('entity_type', { description: 'GraphQL type of the entity it concerns, e.g. License.' }),
    entity: t.id({
      description: 'Global id of the entity it concerns: fetch it with `node(id:)`.',
      resolve: (row) => encodeGlobalID(row.entity_type, row.entity_id),
    }),
  }),
});

builder.queryField('deadlines', (t) =>
  t.connection(
    {
      type: Deadline,
      description: 'What is due across the department’s processes, by due date (then key), a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        from: t.arg({ type: 'Date', required: false, validate: isoDate, description: 'Due on or after this day.' }),
        to: t.arg({ type: 'Date', required: false, validate: isoDate, description: 'Due on or before this day.' }),
        unit: t.arg.string({ required: false, description: 'Only what concerns this unit (faculty, college, chair).' }),
        kind: t.arg.string({ required: false, description: 'Only this kind, e.g. license_validity.' }),
        overdue: t.arg.boolean({ required: false, description: 'true: only what is overdue now; false: only what is not.' }),
        done: t.arg.boolean({ required: false, description: 'true: only what is met or closed; false: only what is still open.' }),
      },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, ORDER);
        const { rows, hasMore } = context.hub.deadlines.page(args, todayOf(context), request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(ORDER, [row.due_on, row.id]));
      },
    },
    { name: 'DeadlineConnection', description: 'A page of deadlines.' },
    { name: 'DeadlineEdge', description: 'A deadline in a page, with its cursor.' },
  ),
);

const alertReasons = z.enum(['enters_window', 'overdue']).meta({
  id: 'DeadlineAlertReason',
  description: 'Why a deadline is announced.',
  labels: {
    enters_window: { ky: 'Мөөнөт жакындады', ru: 'Срок приближается', en: 'Coming due' },
    overdue: { ky: 'Мөөнөтү өттү', ru: 'Срок пропущен', en: 'Overdue' },
  },
});
type AlertReason = z.infer<typeof alertReasons>;
const AlertReasonEnum = enumFor(alertReasons);

type Alert = { deadline: DeadlineRow; reason: AlertReason; on: string };
const DeadlineAlert = builder.objectRef<Alert>('DeadlineAlert').implement({
  description: 'A deadline of the caller’s came within the window asked for, or fell overdue.',
  fields: (t) => ({
    deadline: t.field({ type: Deadline, description: 'The deadline as it is now.', resolve: (a) => a.deadline }),
    reason: t.field({ type: AlertReasonEnum, description: 'Coming due (inside the window) or overdue.', resolve: (a) => a.reason }),
    on: t.field({ type: 'Date', description: 'The day (Kyrgyzstan time) it was announced.', resolve: (a) => a.on }),
  }),
});

/** The department's leadership and auditors hear of every deadline; others of their unit's and their own. */
const concerns = (context: GraphQLContext, row: DeadlineRow): boolean =>
  (context.actor?.roles.some((r) => automationReaders.includes(r)) ?? false) || row.unit === context.actor?.unit || row.assignee === context.actor?.id;

builder.subscriptionField('deadlineAlerts', (t) =>
  t.field({
    type: DeadlineAlert,
    description:
      'Tells the caller when one of their deadlines (their unit’s or assigned to them; every one for the leadership) comes within `withinDays` days or falls overdue, from the moment of subscribing: at the start of each day (Kyrgyzstan time) and when deadlines change. Query `deadlines` for the state at the start.',
    authScopes: { authenticated: true },
    args: {
      withinDays: t.arg.int({
        required: false,
        defaultValue: 30,
        validate: z.int().min(0, 'must be zero or more').max(366, 'must be at most 366'),
        description: 'Size of the window before the due day, in days (30 by default).',
      }),
      unit: t.arg.string({ required: false, description: 'Only deadlines of this unit.' }),
    },
    subscribe: (_root, args, context) => {
      const window = args.withinDays ?? 30;
      const announced = new Set<string>();
      const current = (): Alert[] => {
        const today = todayOf(context);
        const lastDay = new Date(Date.parse(today) + window * DAY_MS).toISOString().slice(0, 10);
        return context.hub.deadlines
          .openUntil(lastDay, args.unit ?? undefined)
          .filter((row) => concerns(context, row))
          .map((row) => ({ deadline: row, reason: isOverdue(row, today) ? ('overdue' as const) : ('enters_window' as const), on: today }));
      };
      const fresh = (): Alert[] =>
        current().filter((alert) => {
          const key = `${alert.deadline.id}:${alert.reason}`;
          if (announced.has(key)) return false;
          announced.add(key);
          return true;
        });
      // What already stands when the caller subscribes is theirs to query; only what changes is pushed.
      fresh();
      return alertStream(context, fresh);
    },
    resolve: (alert) => alert,
  }),
);

/** Alerts as an async iterator, re-evaluated when deadlines change and when a new day starts. */
function alertStream(context: GraphQLContext, fresh: () => Alert[]): AsyncIterableIterator<Alert> {
  const deadlineTypes = new Set(dueDateSources.flatMap((s) => s.eventTypes));
  const queue: Alert[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const check = () => {
    queue.push(...fresh());
    wake?.();
  };
  const unsubscribe = context.hub.projections.onApplied((events) => {
    if (events.some((e) => deadlineTypes.has(e.type))) check();
  });
  const stopDays = everyKyrgyzDay(context.hub.clock, check);
  const finish = async (): Promise<IteratorResult<Alert>> => {
    done = true;
    unsubscribe();
    stopDays();
    wake?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      return { done: false, value: queue.shift()! };
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
  };
}
