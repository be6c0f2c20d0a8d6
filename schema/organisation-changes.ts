// Changes to operational tasks as they happen: a unit's dashboard or a person's calendar follows the
// tasks given to them (assigned, reported on, completed, answered, recorded overdue) without polling.
// `mine` narrows the feed to the reader's own tasks (given to them or to their unit), so a person is
// told of their work without seeing the director's whole overview scroll past.
import { organisationWorkProjection, type OrganisationTaskRow } from '../projections/organisation-work.ts';
import { organisationTaskCategory } from '../src/domain/organisation-tasks.ts';
import { builder } from './builder.ts';
import { changesOf, endOfChange, entityOfCategory, type Change } from './changes.ts';
import { plainIdOf } from './ids.ts';
import { OrganisationTask } from './organisation.ts';

const OrganisationTaskChange = builder.objectRef<Change<OrganisationTaskRow>>('OrganisationTaskChange').implement({
  description: 'An operational task changed: the event that changed it and the task once the change was in.',
  fields: (t) => ({
    task: t.field({ type: OrganisationTask, description: 'The task after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. OrganisationTaskCompleted.' }),
    revision: t.int({ description: 'Revision of the task’s stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

const taskOf = entityOfCategory(organisationTaskCategory);

builder.subscriptionField('organisationTaskChanged', (t) =>
  t.field({
    type: OrganisationTaskChange,
    description:
      'Each change to an operational task once the organisation read model includes it; pass id to follow one task, or mine to follow only the tasks given to you or your unit.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: false, description: 'Only this task (global id or plain taskId).' }),
      mine: t.arg.boolean({ required: false, description: 'Only tasks given to the signed-in person or to their unit.' }),
    },
    subscribe: (_root, args, context) => {
      const only = args.id ? plainIdOf(String(args.id), 'OrganisationTask') : undefined;
      const { organisation } = context.hub;
      const actor = context.actor!;
      const unit = actor.unit ?? null;
      // A task's assignee never changes, so whether it is the reader's is the row's to say. Readers
      // of their own tasks share a feed per person and unit; everyone else shares one.
      const isMine = (row: OrganisationTaskRow) => row.assignee_person_id === actor.id || (unit !== null && row.assignee_unit === unit);
      const selection = args.mine
        ? {
            key: `organisationTask:mine:${JSON.stringify([actor.id, unit])}`,
            projection: organisationWorkProjection.name,
            entityOf: taskOf,
            read: (id: string) => {
              const row = organisation.taskById(id);
              return row && isMine(row) ? row : undefined;
            },
          }
        : { key: 'organisationTask', projection: organisationWorkProjection.name, entityOf: taskOf, read: (id: string) => organisation.taskById(id) };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);
