// The typed errors of every mutation. Clients can always ask `... on Error { message }` and add a
// fragment for the kinds they handle; all of them are DomainError subclasses, so a database or
// programming fault never becomes a typed result and stays masked by Yoga.
import {
  ConcurrencyError,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  ReadModelLagError,
  ReadModelStoppedError,
  UnavailableError,
  ValidationError,
  type FieldIssue,
} from '../src/domain/errors.ts';
import { messageIn } from '../src/i18n/errors.ts';
import { issueMessage } from '../src/i18n/validation.ts';
import { builder } from './builder.ts';
import { languageArg } from './language.ts';

const messageDescription =
  'What went wrong, in a sentence a person can read, in the language asked for (Kyrgyz by default). In English it is the sentence with the facts of the case; in Kyrgyz and Russian, the sentence for the error’s code (README, “Languages”).';
const messageEnDescription = 'The same in English with the facts of the case (dates, ids, roles), whatever the language: for logs and support.';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Something a client can act on went wrong. Every typed error implements it.',
  fields: (t) => ({
    message: t.string({
      description: messageDescription,
      args: { language: languageArg(t.arg) },
      resolve: (error, args, context) => messageIn(error, args.language ?? context.language),
    }),
    messageEn: t.string({ description: messageEnDescription, resolve: (error) => error.message }),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description: 'One field of the input and the rule it broke.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the field within the input, e.g. ["programme", "code"].' }),
    message: t.string({
      description: 'The rule the value broke, in the language asked for (Kyrgyz by default).',
      args: { language: languageArg(t.arg) },
      resolve: (issue, args, context) => issueMessage(issue, args.language ?? context.language),
    }),
    messageEn: t.exposeString('message', { description: 'The same rule in English, as the input’s schema states it.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke one or more rules; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], description: 'Each offending field with its rule.', resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The entity the input names does not exist; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'Kind of entity that was looked for.' }),
    id: t.exposeString('id', { description: 'The id that was not found.' }),
  }),
});

builder.objectType(ConcurrencyError, {
  name: 'ConcurrencyError',
  description: 'The entity changed since the revision the caller expected; re-read it and decide again. Nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    expectedRevision: t.exposeString('expectedRevision', { description: 'The revision the command expected.' }),
    actualRevision: t.exposeString('actualRevision', { nullable: true, description: 'The revision the entity is at; null if it does not exist.' }),
  }),
});

builder.objectType(DomainRuleError, {
  name: 'DomainRuleError',
  description: 'A rule of the regulation refuses the command; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code of the rule, e.g. EXPERT_CONCLUSION_REQUIRED.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The caller may not do this (not signed in, or lacking the role or unit); nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Which rule refused: SIGN_IN_REQUIRED, ROLE_REQUIRED, NOT_OWN_UNIT, NOT_OWN_ENTRY, or FORBIDDEN when nothing more specific applies.',
    }),
  }),
});

builder.objectType(UnavailableError, {
  name: 'UnavailableError',
  description: 'The event store cannot be reached; nothing was stored. Send the command again later.',
  interfaces: [ErrorInterface],
});

builder.objectType(ReadModelLagError, {
  name: 'ReadModelLagError',
  description: 'The command WAS stored, but the read model did not include it in the time the hub waits (SAPAT_READ_YOUR_WRITES_MS). Query again shortly.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    position: t.exposeString('position', { description: 'Position of the stored command in the global log.' }),
    revision: t.exposeString('revision', { description: 'Revision of the entity after the command.' }),
  }),
});

builder.objectType(ReadModelStoppedError, {
  name: 'ReadModelStoppedError',
  description:
    'The command WAS stored, but a read model it changes has stopped on an event it cannot fold; it will show the command once an operator repairs it. Do not send the command again; waiting does not help.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    position: t.exposeString('position', { description: 'Position of the stored command in the global log.' }),
    revision: t.exposeString('revision', { description: 'Revision of the entity after the command.' }),
    readModels: t.exposeStringList('readModels', { description: 'The stopped read models, each with its version and the event it stopped at.' }),
  }),
});

// An object type answers an interface's field with its own resolver (the default reads the English
// `message` property), so each typed error gets the localising one as well.
for (const ErrorClass of [
  ValidationError,
  NotFoundError,
  ConcurrencyError,
  DomainRuleError,
  ForbiddenError,
  UnavailableError,
  ReadModelLagError,
  ReadModelStoppedError,
]) {
  builder.objectFields(ErrorClass as unknown as typeof UnavailableError, (t) => ({
    message: t.string({
      description: messageDescription,
      args: { language: languageArg(t.arg) },
      resolve: (error, args, context) => messageIn(error, args.language ?? context.language),
    }),
    messageEn: t.string({ description: messageEnDescription, resolve: (error) => error.message }),
  }));
}

/** The errors every command mutation can answer with. */
export const commandErrors = [
  ValidationError,
  NotFoundError,
  ConcurrencyError,
  DomainRuleError,
  ForbiddenError,
  UnavailableError,
  ReadModelLagError,
  ReadModelStoppedError,
];
