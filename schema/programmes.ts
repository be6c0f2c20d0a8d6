// The programme register in GraphQL: `programmes` and `programme(code)`, each programme with its
// licences and accreditations and the two answers a dean asks for: may it run, is it accredited.
import type { ProjectionDefinition } from '../projections/projection.ts';
import {
  createProgrammeQueries,
  programmesProjection,
  type ProgrammeAccreditationRow,
  type ProgrammeLicenseRow,
  type ProgrammeRow,
} from '../projections/programmes.ts';
import { foldRegistersAsOf } from '../projections/registry-as-of.ts';
import { accreditationKind, accreditationOutcome, accreditationStage, programmeCode } from '../src/domain/accreditation-terms.ts';
import { educationLevel, formOfStudy, licenseStatus } from '../src/domain/licensing.ts';
import { Accreditation } from './accreditation.ts';
import { parseMoment } from './as-of.ts';
import { labelField } from './accreditation-commands.ts';
import { builder } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { License, MultilingualNameRef } from './licensing.ts';
import { enumFor } from './zod-types.ts';

const LicenseStatusEnum = enumFor(licenseStatus);
const AccreditationKindEnum = enumFor(accreditationKind);
const AccreditationStageEnum = enumFor(accreditationStage);
const AccreditationOutcomeEnum = enumFor(accreditationOutcome);
const EducationLevelEnum = enumFor(educationLevel);
const FormOfStudyEnum = enumFor(formOfStudy);

const ProgrammeLicenseRef = builder.objectRef<ProgrammeLicenseRow>('ProgrammeLicense').implement({
  description: 'A licence (or licence application) of the programme, as the register shows it.',
  fields: (t) => ({
    license: t.field({ type: License, description: 'The licence itself.', resolve: (l) => l.license_id as never }),
    status: t.field({ type: LicenseStatusEnum, description: 'Where the licence stands.', resolve: (l) => l.status }),
    statusLabel: labelField(t, licenseStatus, (l) => l.status, 'The status in Kyrgyz, Russian or English.'),
    capacity: t.exposeInt('capacity', { description: 'Licensed (or requested) number of students.' }),
    licenseNumber: t.exposeString('license_number', { nullable: true, description: 'Number of the licence, once granted.' }),
    grantedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was granted.', resolve: (l) => l.granted_on }),
    validUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of validity; null when without a time limit or not granted.',
      resolve: (l) => l.valid_until,
    }),
  }),
});

const ProgrammeAccreditationRef = builder.objectRef<ProgrammeAccreditationRow>('ProgrammeAccreditation').implement({
  description: 'An accreditation case the programme is in scope of, as the register shows it.',
  fields: (t) => ({
    accreditation: t.field({ type: Accreditation, description: 'The case itself.', resolve: (a) => a.accreditation_id as never }),
    kind: t.field({ type: AccreditationKindEnum, description: 'Institutional or programme accreditation.', resolve: (a) => a.kind }),
    agencyName: t.exposeString('agency_name', { description: 'The agency.' }),
    stage: t.field({ type: AccreditationStageEnum, description: 'Where the case stands.', resolve: (a) => a.stage }),
    outcome: t.field({ type: AccreditationOutcomeEnum, nullable: true, description: 'The decision, once made.', resolve: (a) => a.outcome }),
    outcomeLabel: labelField(t, accreditationOutcome, (a) => a.outcome, 'The decision in Kyrgyz, Russian or English.'),
    validUntil: t.field({ type: 'Date', nullable: true, description: 'Last day the accreditation is valid.', resolve: (a) => a.valid_until }),
  }),
});

type ProgrammeParts = { licenses: ProgrammeLicenseRow[]; accreditations: ProgrammeAccreditationRow[] };

/** Licences and accreditations of programmes read from a register folded as of a past moment, keyed by the row only that answer holds. */
const pastProgrammes = new WeakMap<ProgrammeRow, ProgrammeParts>();

const Programme = builder.objectRef<ProgrammeRow>('Programme').implement({
  description: 'A programme the university runs or applied for, by its code, with its licences and accreditations.',
  fields: (t) => ({
    code: t.exposeString('id', { description: 'Six-digit code of the direction or specialty.' }),
    name: t.field({
      type: MultilingualNameRef,
      nullable: true,
      description: 'Name of the programme, from its licence; null for a programme known only from an accreditation.',
      resolve: (p) => (p.name_ky !== null && p.name_ru !== null && p.name_en !== null ? { ky: p.name_ky, ru: p.name_ru, en: p.name_en } : null),
    }),
    level: t.field({ type: EducationLevelEnum, nullable: true, description: 'Level of the programme, from its licence.', resolve: (p) => p.level }),
    formOfStudy: t.field({ type: FormOfStudyEnum, nullable: true, description: 'Form of study, from its licence.', resolve: (p) => p.form_of_study }),
    faculty: t.exposeString('faculty', { nullable: true, description: 'Faculty that runs it, from its licence.' }),
    mayRun: t.exposeBoolean('may_run', { description: 'True when a licence of the programme is active (not suspended, revoked or expired).' }),
    licensed: t.exposeBoolean('licensed', { description: 'True when a licence is in force, active or suspended.' }),
    accredited: t.exposeBoolean('accredited', {
      description: 'True when a decided case accredits it (also conditionally) and has neither expired nor been withdrawn.',
    }),
    licenses: t.field({
      type: [ProgrammeLicenseRef],
      description: 'Its licences and applications, oldest first.',
      resolve: (p, _a, context) => pastProgrammes.get(p)?.licenses ?? context.hub.programmes.licenses(p.id),
    }),
    accreditations: t.field({
      type: [ProgrammeAccreditationRef],
      description: 'Its accreditation cases, oldest first.',
      resolve: (p, _a, context) => pastProgrammes.get(p)?.accreditations ?? context.hub.programmes.accreditations(p.id),
    }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change to it was recorded.', resolve: (p) => p.updated_at }),
  }),
});

const ProgrammeFilterInput = builder.inputType('ProgrammeFilter', {
  description: 'Narrows the programme register; all given conditions must hold.',
  fields: (t) => ({
    faculty: t.string({ required: false, description: 'Exactly this faculty.' }),
    mayRun: t.boolean({ required: false, description: 'Only programmes that may (true) or may not (false) run.' }),
    accredited: t.boolean({ required: false, description: 'Only programmes that are (true) or are not (false) accredited.' }),
  }),
});

builder.queryFields((t) => ({
  programmes: t.connection(
    {
      type: Programme,
      description: 'The programme register by code, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: ProgrammeFilterInput, required: false, description: 'Conditions the programmes must meet.' }),
        asOf: t.arg({ type: 'DateTime', required: false, description: 'Time travel: the register as it stood at this moment.' }),
      },
      resolve: async (_root, args, context) => {
        const request = pageRequest(args, 'code');
        const past = args.asOf
          ? await foldRegistersAsOf(context.hub.store, [programmesProjection as ProjectionDefinition], parseMoment('asOf', args.asOf))
          : undefined;
        try {
          const queries = past ? createProgrammeQueries(past) : context.hub.programmes;
          const { rows, hasMore } = queries.page(args.filter ?? {}, request);
          if (past) for (const row of rows) pastProgrammes.set(row, { licenses: queries.licenses(row.id), accreditations: queries.accreditations(row.id) });
          return connectionOf(rows, hasMore, request, (row) => encodeCursor('code', queries.sortKey(row)));
        } finally {
          past?.close();
        }
      },
    },
    { name: 'ProgrammeConnection', description: 'A page of the programme register.' },
    { name: 'ProgrammeEdge', description: 'A programme in a page of the register, with its cursor.' },
  ),
  programme: t.field({
    type: Programme,
    nullable: true,
    description: 'One programme by its code; null if no licence or accreditation names it.',
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ required: true, validate: programmeCode, description: 'Six-digit code of the direction or specialty.' }) },
    resolve: (_root, args, context) => context.hub.programmes.byCodes([args.code])[0] ?? null,
  }),
}));
