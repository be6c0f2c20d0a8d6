// The department's deadlines in GraphQL: one list over every module (licences, rating campaigns,
// and each module that registers its dates), filtered and paged in a stable order (due date, key).
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { DeadlineRow } from '../projections/deadlines.ts';
import { localDateOf } from '../src/domain/rating-campaigns.ts';
import { isoDate, languageSchema } from '../src/domain/values.ts';
import { dueDateSources } from '../src/modules.ts';
import { builder } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { enumFor } from './zod-types.ts';

const LanguageEnum = enumFor(languageSchema);
const ORDER = 'due';
const DAY_MS = 86_400_000;

const kindLabels = Object.assign({}, ...dueDateSources.map((s) => s.kindLabels ?? {})) as Record<string, Record<'ky' | 'ru' | 'en', string>>;

/** Today in Kyrgyzstan: what "overdue" and "days left" are counted from. */
const today = (): string => localDateOf(new Date().toISOString());
const isOverdue = (row: DeadlineRow, on: string) => row.status === 'open' && row.due_on < on;

const Deadline = builder.objectRef<DeadlineRow>('Deadline').implement({
  description: 'Something due in one of the department’s processes: what, for whom, by when, and whether it is met.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key of the obligation, e.g. license:<id>:validity.' }),
    module: t.exposeString('module', { description: 'The module that declared it, e.g. licensing, ratings.' }),
    kind: t.exposeString('kind', { description: 'What kind of obligation, e.g. license_validity, rating_entries.' }),
    kindLabel: t.string({
      description: 'The kind in Kyrgyz, Russian or English.',
      args: { language: t.arg({ type: LanguageEnum, required: false, description: 'Language of the label; the request’s Accept-Language by default.' }) },
      resolve: (row, args, context) => kindLabels[row.kind]?.[args.language ?? context.language] ?? row.kind,
    }),
    title: t.exposeString('title', { description: 'What is due, in words.' }),
    dueOn: t.field({ type: 'Date', description: 'Last day (Kyrgyzstan time).', resolve: (row) => row.due_on }),
    done: t.boolean({ description: 'True once the obligation is met or closed.', resolve: (row) => row.status === 'done' }),
    doneOn: t.field({ type: 'Date', nullable: true, description: 'When it was met or closed.', resolve: (row) => row.done_on }),
    overdue: t.boolean({ description: 'Not done and its last day has passed (Kyrgyzstan time).', resolve: (row) => isOverdue(row, today()) }),
    daysLeft: t.int({
      description: 'Days from today (Kyrgyzstan time) to the last day: 0 on the day, negative once passed.',
      resolve: (row) => Math.round((Date.parse(row.due_on) - Date.parse(today())) / DAY_MS),
    }),
    unit: t.exposeString('unit', { nullable: true, description: 'The unit (faculty, college, chair) it concerns, if any.' }),
    assignee: t.exposeString('assignee', { nullable: true, description: 'The person it is assigned to, if any.' }),
    entityType: t.exposeString('entity_type', { description: 'GraphQL type of the entity it concerns, e.g. License.' }),
    entity: t.id({ description: 'Global id of the entity it concerns: fetch it with `node(id:)`.', resolve: (row) => encodeGlobalID(row.entity_type, row.entity_id) }),
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
        const { rows, hasMore } = context.hub.deadlines.page(args, today(), request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(ORDER, [row.due_on, row.id]));
      },
    },
    { name: 'DeadlineConnection', description: 'A page of deadlines.' },
    { name: 'DeadlineEdge', description: 'A deadline in a page, with its cursor.' },
  ),
);
