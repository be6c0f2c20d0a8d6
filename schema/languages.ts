// What a client needs to speak the caller's language: who the caller is with their roles as a person
// reads them, every role, and every error code with its sentence (for a frontend that words its own
// messages by code). Statuses and kinds have their `…Label` fields next to them in each module.
import { roleLabels, roleSchema, type Actor, type Role } from '../src/domain/decider.ts';
import { errorSentences } from '../src/i18n/errors.ts';
import { builder } from './builder.ts';
import { labelField } from './labels.ts';
import { languageArg } from './language.ts';
import { enumFor } from './zod-types.ts';

const RoleEnum = enumFor(roleSchema);

const RoleRef = builder.objectRef<Role>('RoleDescription').implement({
  description: 'A role of the staffing, with its name in Kyrgyz, Russian and English.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, description: 'The role, as tokens and the permission matrix name it.', resolve: (role) => role }),
    label: labelField(t, roleLabels, (role) => role),
  }),
});

const MeRef = builder.objectRef<Actor>('Me').implement({
  description: 'The signed-in caller, as their token says.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The caller’s id in the identity provider (the token’s subject).' }),
    name: t.exposeString('name', { description: 'The caller’s name.' }),
    unit: t.string({
      nullable: true,
      description: 'The unit (faculty, institute, college, chair) the token names, if any.',
      resolve: (actor) => actor.unit ?? null,
    }),
    roles: t.field({ type: [RoleRef], description: 'The caller’s roles, each with its name in the language asked for.', resolve: (actor) => actor.roles }),
  }),
});

type ErrorCode = { code: string };

const ErrorCodeRef = builder.objectRef<ErrorCode>('ErrorCode').implement({
  description: 'A stable error code (DomainRuleError.code, ForbiddenError.code, extensions.code) with its general sentence.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code, e.g. EXPERT_CONCLUSION_REQUIRED.' }),
    message: t.string({
      description: 'What the code means and what to do, in the language asked for; `{name}` marks a value the error fills in.',
      args: { language: languageArg(t.arg) },
      resolve: ({ code }, args, context) => errorSentences[code]![args.language ?? context.language],
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: MeRef,
    nullable: true,
    description: 'The signed-in caller with their roles; null for an anonymous request.',
    resolve: (_root, _args, context) => context.actor ?? null,
  }),
  roles: t.field({
    type: [RoleRef],
    description: 'Every role of the staffing with its name, e.g. for a form that grants roles.',
    resolve: () => roleSchema.options.filter((role) => role !== 'system'),
  }),
  errorCodes: t.field({
    type: [ErrorCodeRef],
    description: 'Every error code the hub can answer with, with its sentence in the language asked for.',
    resolve: () =>
      Object.keys(errorSentences)
        .sort()
        .map((code) => ({ code })),
  }),
}));
