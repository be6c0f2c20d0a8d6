// What the hub's automation did that needs a person: follow-ups of reactors and the clock that a
// rule refused. Webhooks and deadlines have their own files.
import { refusals, type RefusalRow } from '../src/automation/refusals.ts';
import type { Role } from '../src/domain/decider.ts';
import type { Labels } from '../src/domain/values.ts';
import { builder } from './builder.ts';
import { connectionOf, decodeCursor, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { enumFor } from './zod-types.ts';
import { z } from 'zod';

/** Who answers for the department's processes, and who audits them. */
export const automationReaders: Role[] = ['rector', 'director', 'acting_director', 'head_of_accreditation_sector', 'head_of_rating_division', 'auditor'];

const followUpSourceLabels: Labels<'reactor' | 'clock'> = {
  reactor: { ky: 'Реактор (окуяга жооп)', ru: 'Реактор (ответ на событие)', en: 'Reactor (answer to an event)' },
  clock: { ky: 'Мөөнөт сааты', ru: 'Часы сроков', en: 'Clock (a due moment)' },
};
const FollowUpSourceEnum = enumFor(
  z.enum(['reactor', 'clock']).meta({ id: 'FollowUpSource', description: 'What sent a follow-up command.', labels: followUpSourceLabels }),
);

const FollowUpRefusal = builder.objectRef<RefusalRow>('FollowUpRefusal').implement({
  description: 'A command the hub sent itself (a reactor answering an event, or the clock at a due moment) that was refused. Recorded once; the hub goes on.',
  fields: (t) => ({
    sourceKind: t.field({ type: FollowUpSourceEnum, description: 'A reactor or the clock.', resolve: (r) => r.source_kind }),
    source: t.exposeString('source', { description: 'Name of the reactor or clock rule.' }),
    eventId: t.exposeString('event_id', { description: 'Id of the event that caused the follow-up (its causationId); look it up in `events` or `history`.' }),
    command: t.exposeString('command', { description: 'The command that was sent, e.g. recordLicenseExpiry.' }),
    commandId: t.exposeString('command_id', { description: 'Its command id, derived from the source and the event, so a re-send is recognised.' }),
    code: t.exposeString('code', { description: 'Stable code of the rule that refused it (DomainRuleError.code), or the kind of error.' }),
    message: t.exposeString('message', { description: 'The refusal as the rule words it.' }),
    recordedAt: t.field({ type: 'DateTime', description: 'When the refusal was recorded.', resolve: (r) => r.recorded_at }),
  }),
});

const ORDER = 'newest';

builder.queryField('followUpRefusals', (t) =>
  t.connection(
    {
      type: FollowUpRefusal,
      description: 'Follow-ups of reactors and the clock that a rule refused, newest first.',
      authScopes: { anyRole: automationReaders },
      complexity: pageComplexity,
      resolve: (_root, args, context) => {
        const request = pageRequest({ first: args.first ?? null, after: args.after ?? null }, ORDER);
        const before = args.after ? Number(decodeCursor('after', args.after, ORDER)[1]) : undefined;
        const { rows, hasMore } = refusals(context.hub.automation).page(before, request.limit);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(ORDER, [row.id, String(row.id)]));
      },
    },
    { name: 'FollowUpRefusalConnection', description: 'A page of refused follow-ups.' },
    { name: 'FollowUpRefusalEdge', description: 'A refused follow-up, with its cursor.' },
  ),
);
