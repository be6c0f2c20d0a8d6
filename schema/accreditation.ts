// The accreditation register in GraphQL: a case with its self-assessment, panel, decision and
// follow-up; `accreditations` (filters, orders, relay paging), `accreditation(id, asOf)`, and the
// `accreditationChanged` subscription. The mutations are in accreditation-mutations.ts.
import {
  accreditationOrder,
  accreditationsProjection,
  createAccreditationQueries,
  type AccreditationRow,
  type AttachmentRow,
  type RecommendationRow,
  type SectionRow,
} from '../projections/accreditations.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { foldRegistersAsOf } from '../projections/registry-as-of.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import { accreditationCategory } from '../src/domain/accreditation-cases.ts';
import {
  accreditationKind,
  accreditationOutcome,
  accreditationStage,
  panelRole,
  recommendationStatus,
  sectionStatus,
} from '../src/domain/accreditation-terms.ts';
import { isoDate } from '../src/domain/values.ts';
import { Agency } from './agencies.ts';
import { labelField } from './accreditation-commands.ts';
import { AsOfInput, parseAsOf, parseMoment } from './as-of.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { changesOf, entityOfCategory, endOfChange, type Change } from './changes.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { Evidence } from './evidence.ts';
import { plainIdOf } from './ids.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Accreditation is a public record of the university: any signed-in caller (auditors among them) reads a case and its history.
registerStreamKind({ typename: 'Accreditation', category: accreditationCategory, personal: false, canRead: (context) => context.actor !== undefined });

const AccreditationKindEnum = enumFor(accreditationKind);
const AccreditationStageEnum = enumFor(accreditationStage);
const AccreditationOutcomeEnum = enumFor(accreditationOutcome);
const SectionStatusEnum = enumFor(sectionStatus);
const RecommendationStatusEnum = enumFor(recommendationStatus);
const PanelRoleEnum = enumFor(panelRole);
const AccreditationOrderEnum = enumFor(accreditationOrder);

const parsed = <T>(value: string | null): T | null => (value === null ? null : (JSON.parse(value) as T));

type Member = { name: string; role: 'chair' | 'member' | 'secretary'; unit?: string; external?: boolean; affiliation?: string };
const WorkingGroupMemberRef = builder.objectRef<Member>('WorkingGroupMember').implement({
  description: 'A member of the self-assessment working group.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    role: t.field({ type: PanelRoleEnum, description: 'Role in the group.', resolve: (m) => m.role }),
    unit: t.string({ nullable: true, description: 'Unit the member works in.', resolve: (m) => m.unit ?? null }),
  }),
});
const PanelMemberRef = builder.objectRef<Member>('PanelMember').implement({
  description: 'A member of the agency’s expert panel.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    role: t.field({ type: PanelRoleEnum, description: 'Role in the panel.', resolve: (m) => m.role }),
    external: t.boolean({ description: 'True for an expert from outside the university.', resolve: (m) => m.external ?? true }),
    affiliation: t.string({ nullable: true, description: 'Organisation the expert represents.', resolve: (m) => m.affiliation ?? null }),
  }),
});

type Panel = { members: Member[]; visitFrom: string; visitTo: string; appointedOn: string };
const ExpertPanelRef = builder.objectRef<Panel>('ExpertPanel').implement({
  description: 'The expert panel the agency appointed, and the dates of its visit.',
  fields: (t) => ({
    members: t.field({ type: [PanelMemberRef], description: 'Members, the chair among them.', resolve: (p) => p.members }),
    visitFrom: t.field({ type: 'Date', description: 'First day of the visit.', resolve: (p) => p.visitFrom }),
    visitTo: t.field({ type: 'Date', description: 'Last day of the visit.', resolve: (p) => p.visitTo }),
    appointedOn: t.field({ type: 'Date', description: 'Date the panel was appointed.', resolve: (p) => p.appointedOn }),
  }),
});

type Visit = { heldFrom: string; heldTo: string; notes?: string };
const VisitRef = builder.objectRef<Visit>('AccreditationVisit').implement({
  description: 'The expert panel’s visit as it was held.',
  fields: (t) => ({
    heldFrom: t.field({ type: 'Date', description: 'First day.', resolve: (v) => v.heldFrom }),
    heldTo: t.field({ type: 'Date', description: 'Last day.', resolve: (v) => v.heldTo }),
    notes: t.string({ nullable: true, description: 'Who the panel met, what it looked at.', resolve: (v) => v.notes ?? null }),
  }),
});

type Swot = { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[]; recordedOn: string };
const SwotRef = builder.objectRef<Swot>('SelfAssessmentSwot').implement({
  description: 'The SWOT analysis of the whole self-assessment.',
  fields: (t) => ({
    strengths: t.exposeStringList('strengths', { description: 'Strengths.' }),
    weaknesses: t.exposeStringList('weaknesses', { description: 'Weaknesses.' }),
    opportunities: t.exposeStringList('opportunities', { description: 'Opportunities.' }),
    threats: t.exposeStringList('threats', { description: 'Threats.' }),
    recordedOn: t.field({ type: 'Date', description: 'Date of the analysis.', resolve: (s) => s.recordedOn }),
  }),
});

type Report = { receivedOn: string; summary: string };
const ExpertReportRef = builder.objectRef<Report>('ExpertReport').implement({
  description: 'The expert panel’s report.',
  fields: (t) => ({
    receivedOn: t.field({ type: 'Date', description: 'Date it arrived.', resolve: (r) => r.receivedOn }),
    summary: t.exposeString('summary', { description: 'What the panel found.' }),
  }),
});

type Interim = { summary: string; submittedOn: string };
const InterimReportRef = builder.objectRef<Interim>('InterimReport').implement({
  description: 'An interim report of post-accreditation monitoring.',
  fields: (t) => ({
    summary: t.exposeString('summary', { description: 'Progress on the recommendations and changes since the decision.' }),
    submittedOn: t.field({ type: 'Date', description: 'Date it went to the agency.', resolve: (r) => r.submittedOn }),
  }),
});

const AttachmentRef = builder.objectRef<AttachmentRow>('EvidenceAttachment').implement({
  description: 'A document of the evidence library attached to a section or a recommendation.',
  fields: (t) => ({
    evidence: t.field({ type: Evidence, description: 'The document (at its latest version).', resolve: (a) => a.evidence_id as never }),
    title: t.exposeString('title', { description: 'Its title when attached.' }),
    criterion: t.exposeString('criterion', { nullable: true, description: 'The criterion whose section it supports.' }),
    recommendation: t.exposeInt('recommendation', { nullable: true, description: 'The recommendation whose follow-up it proves.' }),
  }),
});

type CaseParts = { sections: SectionRow[]; recommendations: RecommendationRow[]; attachments: AttachmentRow[] };

/** Nested rows of a case folded as of a past moment, keyed by its row object (which only that answer holds). */
const pastCases = new WeakMap<AccreditationRow, CaseParts>();

/** The sections, recommendations and attachments of a case: of the past case when the row came from `asOf`. */
function partsOf(row: AccreditationRow, context: GraphQLContext): CaseParts {
  const queries = context.hub.accreditations;
  return (
    pastCases.get(row) ?? { sections: queries.sections(row.id), recommendations: queries.recommendations(row.id), attachments: queries.attachments(row.id) }
  );
}

type WithEvidence<Row> = Row & { attachments: AttachmentRow[] };

const SectionRef = builder.objectRef<WithEvidence<SectionRow>>('SelfAssessmentSection').implement({
  description: 'The section of the self-assessment report on one criterion of the framework.',
  fields: (t) => ({
    criterion: t.exposeString('criterion', { description: 'Code of the criterion.' }),
    standard: t.exposeString('standard', { description: 'The standard the criterion belongs to.' }),
    title: t.exposeString('title', { description: 'What the criterion requires.' }),
    status: t.field({ type: SectionStatusEnum, description: 'Where the section stands.', resolve: (s) => s.status }),
    statusLabel: labelField(t, sectionStatus, (s) => s.status, 'The status in Kyrgyz, Russian or English.'),
    narrative: t.exposeString('narrative', { nullable: true, description: 'The latest draft.' }),
    comments: t.exposeString('comments', { nullable: true, description: 'Comments it was returned with, until approved.' }),
    updatedOn: t.field({ type: 'Date', nullable: true, description: 'Date of its latest step.', resolve: (s) => s.updated_on }),
    evidence: t.field({ type: [AttachmentRef], description: 'Documents attached to it.', resolve: (s) => s.attachments }),
  }),
});

const RecommendationRef = builder.objectRef<WithEvidence<RecommendationRow>>('AccreditationRecommendation').implement({
  description: 'A recommendation of the agency’s decision and its follow-up.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Its number in the decision, from 1.' }),
    text: t.exposeString('text', { description: 'What the agency recommends.' }),
    dueOn: t.field({ type: 'Date', nullable: true, description: 'By when the agency expects it addressed.', resolve: (r) => r.due_on }),
    status: t.field({ type: RecommendationStatusEnum, description: 'Where its follow-up stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, recommendationStatus, (r) => r.status, 'The status in Kyrgyz, Russian or English.'),
    action: t.exposeString('action', { nullable: true, description: 'The corrective action planned.' }),
    owner: t.exposeString('owner', { nullable: true, description: 'Who answers for the action.' }),
    actionDueOn: t.field({ type: 'Date', nullable: true, description: 'By when the action is due.', resolve: (r) => r.action_due_on }),
    result: t.exposeString('result', { nullable: true, description: 'What was done.' }),
    escalationReason: t.exposeString('escalation_reason', { nullable: true, description: 'Why it went to management, if it did.' }),
    evidence: t.field({ type: [AttachmentRef], description: 'Documents proving its follow-up.', resolve: (r) => r.attachments }),
  }),
});

export const Accreditation = builder.loadableNode('Accreditation', {
  description: 'An accreditation case: institutional or programme accreditation by one agency, from the application to the end of its cycle.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.accreditations.byIds(ids).map((row) => row ?? null) as AccreditationRow[],
  fields: (t) => ({
    accreditationId: t.exposeString('id', { description: 'The plain id of the case (the global `id` wraps it).' }),
    kind: t.field({ type: AccreditationKindEnum, description: 'Institutional or programme.', resolve: (r) => r.kind }),
    kindLabel: labelField(t, accreditationKind, (r) => r.kind, 'The kind in Kyrgyz, Russian or English.'),
    stage: t.field({ type: AccreditationStageEnum, description: 'Where the case stands.', resolve: (r) => r.stage }),
    stageLabel: labelField(t, accreditationStage, (r) => r.stage, 'The stage in Kyrgyz, Russian or English.'),
    agency: t.field({ type: Agency, description: 'The agency that accredits.', resolve: (r) => r.agency_id as never }),
    agencyName: t.exposeString('agency_name', { description: 'Name of the agency when the case was opened.' }),
    framework: t.exposeString('framework_key', { description: 'Key of the framework assessed against.' }),
    frameworkVersion: t.exposeInt('framework_version', { description: 'The framework’s version the case keeps.' }),
    frameworkTitle: t.exposeString('framework_title', { description: 'Title of that framework version.' }),
    programmeCodes: t.stringList({ description: 'Programmes in scope, by code.', resolve: (r) => JSON.parse(r.programme_codes) as string[] }),
    faculty: t.exposeString('faculty', { nullable: true, description: 'Faculty whose programmes are accredited.' }),
    appliedOn: t.field({ type: 'Date', description: 'Date of the application.', resolve: (r) => r.applied_on }),
    workingGroup: t.field({
      type: [WorkingGroupMemberRef],
      nullable: true,
      description: 'The self-assessment working group, once formed.',
      resolve: (r) => parsed<Member[]>(r.working_group),
    }),
    selfAssessmentStartedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date the self-assessment started.',
      resolve: (r) => r.self_assessment_started_on,
    }),
    sections: t.field({
      type: [SectionRef],
      description: 'The self-assessment report, one section per criterion of the framework version.',
      resolve: (r, _a, context) => {
        const { sections, attachments } = partsOf(r, context);
        return sections.map((s) => ({ ...s, attachments: attachments.filter((a) => a.criterion === s.criterion) }));
      },
    }),
    criteriaLackingEvidence: t.stringList({
      description: 'Codes of the criteria whose sections have no document attached yet.',
      resolve: (r, _a, context) =>
        partsOf(r, context)
          .sections.filter((s) => s.evidence_count === 0)
          .map((s) => s.criterion),
    }),
    swot: t.field({ type: SwotRef, nullable: true, description: 'The SWOT of the whole, once recorded.', resolve: (r) => parsed<Swot>(r.swot) }),
    reportSubmittedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date the self-assessment report went to the agency.',
      resolve: (r) => r.report_submitted_on,
    }),
    expertPanel: t.field({ type: ExpertPanelRef, nullable: true, description: 'The expert panel, once appointed.', resolve: (r) => parsed<Panel>(r.panel) }),
    visit: t.field({ type: VisitRef, nullable: true, description: 'The visit, once held.', resolve: (r) => parsed<Visit>(r.visit) }),
    expertReport: t.field({
      type: ExpertReportRef,
      nullable: true,
      description: 'The expert report, once received.',
      resolve: (r) => parsed<Report>(r.expert_report),
    }),
    outcome: t.field({ type: AccreditationOutcomeEnum, nullable: true, description: 'The agency’s decision, once made.', resolve: (r) => r.outcome }),
    outcomeLabel: labelField(t, accreditationOutcome, (r) => r.outcome, 'The decision in Kyrgyz, Russian or English.'),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the decision.', resolve: (r) => r.decided_on }),
    validFrom: t.field({ type: 'Date', nullable: true, description: 'First day the accreditation is valid.', resolve: (r) => r.valid_from }),
    validUntil: t.field({ type: 'Date', nullable: true, description: 'Last day it is valid.', resolve: (r) => r.valid_until }),
    conditions: t.stringList({ description: 'Conditions of a conditional accreditation.', resolve: (r) => JSON.parse(r.conditions) as string[] }),
    recommendations: t.field({
      type: [RecommendationRef],
      description: 'The recommendations of the decision, with their follow-up.',
      resolve: (r, _a, context) => {
        const { recommendations, attachments } = partsOf(r, context);
        return recommendations.map((x) => ({ ...x, attachments: attachments.filter((a) => a.recommendation === x.number) }));
      },
    }),
    interimReportDueOn: t.field({ type: 'Date', nullable: true, description: 'When the next interim report is due.', resolve: (r) => r.interim_report_due_on }),
    interimReports: t.field({
      type: [InterimReportRef],
      description: 'Interim reports submitted, oldest first.',
      resolve: (r) => JSON.parse(r.interim_reports) as Interim[],
    }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Date the case was closed.', resolve: (r) => r.closed_on }),
    expiredOn: t.field({ type: 'Date', nullable: true, description: 'Date its expiry was recorded.', resolve: (r) => r.expired_on }),
    withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Date of withdrawal.', resolve: (r) => r.withdrawn_on }),
    withdrawalReason: t.exposeString('withdrawal_reason', { nullable: true, description: 'Why it was withdrawn.' }),
    revision: t.exposeInt('revision', { description: 'Revision of the case’s stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

// A cycle links to the cycle before and after it; added once the type exists, since it refers to itself.
builder.objectFields(Accreditation, (t) => ({
  renews: t.field({ type: Accreditation, nullable: true, description: 'The earlier case this one renews.', resolve: (r) => r.renews as never }),
  renewedBy: t.field({ type: Accreditation, nullable: true, description: 'The case that renews this one.', resolve: (r) => r.renewed_by as never }),
}));

const AccreditationFilterInput = builder.inputType('AccreditationFilter', {
  description: 'Narrows the accreditation register; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [AccreditationKindEnum], required: false, description: 'Any of these kinds.' }),
    agencyId: t.id({ required: false, description: 'Only cases of this agency (global id or plain agencyId).' }),
    programmeCode: t.string({ required: false, description: 'Only cases with this programme in scope.' }),
    faculty: t.string({ required: false, description: 'Exactly this faculty.' }),
    stages: t.field({ type: [AccreditationStageEnum], required: false, description: 'Any of these stages.' }),
    outcomes: t.field({ type: [AccreditationOutcomeEnum], required: false, description: 'Any of these decisions.' }),
    expiringBefore: t.field({
      type: 'Date',
      required: false,
      validate: isoDate,
      description: 'Accreditations in force (decided or closed, not denied) whose validity ends before this date.',
    }),
  }),
});

export const accreditationIdOf = (id: string): string => plainIdOf(id, 'Accreditation');

builder.queryFields((t) => ({
  accreditations: t.connection(
    {
      type: Accreditation,
      description: 'The accreditation register, in a stable order, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: AccreditationFilterInput, required: false, description: 'Conditions the cases must meet.' }),
        orderBy: t.arg({ type: AccreditationOrderEnum, required: false, description: 'Order of the list; by application by default.' }),
        asOf: t.arg({ type: 'DateTime', required: false, description: 'Time travel: the register as it stood at this moment.' }),
      },
      resolve: async (_root, args, context) => {
        const order = args.orderBy ?? 'applied';
        const request = pageRequest(args, order);
        const filter = args.filter ? { ...args.filter, agencyId: args.filter.agencyId ? plainIdOf(String(args.filter.agencyId), 'Agency') : null } : {};
        const past = args.asOf
          ? await foldRegistersAsOf(context.hub.store, [accreditationsProjection as ProjectionDefinition], parseMoment('asOf', args.asOf))
          : undefined;
        try {
          const queries = past ? createAccreditationQueries(past) : context.hub.accreditations;
          const { rows, hasMore } = queries.page(filter, order, request);
          if (past)
            for (const row of rows)
              pastCases.set(row, {
                sections: queries.sections(row.id),
                recommendations: queries.recommendations(row.id),
                attachments: queries.attachments(row.id),
              });
          return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.sortKey(row, order)));
        } finally {
          past?.close();
        }
      },
    },
    { name: 'AccreditationConnection', description: 'A page of the accreditation register.' },
    { name: 'AccreditationEdge', description: 'A case in a page of the register, with its cursor.' },
  ),
  accreditation: t.field({
    type: Accreditation,
    nullable: true,
    description: 'One accreditation case by its global id (or plain accreditationId), now or as it was at `asOf`; null if there is none (then).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain accreditationId.' }),
      asOf: t.arg({ type: AsOfInput, required: false, description: 'Time travel: the case as it was at a moment or a revision.' }),
    },
    resolve: async (_root, args, context) => {
      const id = accreditationIdOf(String(args.id));
      if (!args.asOf) return id;
      const past = await foldAsOf(context.hub.store, accreditationsProjection, { stream: `${accreditationCategory}-${id}` }, parseAsOf(args.asOf));
      if (!past) return null;
      // The sections, recommendations and attachments of the past case are read from the same
      // throwaway database, so every nested field answers as of the moment asked for.
      try {
        const queries = createAccreditationQueries(past);
        const row = queries.byIds([id])[0];
        if (!row) return null;
        pastCases.set(row, { sections: queries.sections(id), recommendations: queries.recommendations(id), attachments: queries.attachments(id) });
        return row;
      } finally {
        past.close();
      }
    },
  }),
}));

type AccreditationChangeShape = Change<AccreditationRow>;
const AccreditationChange = builder.objectRef<AccreditationChangeShape>('AccreditationChange').implement({
  description: 'An accreditation case changed: the event and the case as the register showed it once the change was in.',
  fields: (t) => ({
    accreditation: t.field({ type: Accreditation, description: 'The case after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. AccreditationDecided.' }),
    revision: t.int({ description: 'Revision of the case’s stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('accreditationChanged', (t) =>
  t.field({
    type: AccreditationChange,
    description: 'Each change to an accreditation case once the register includes it; pass id to follow one case.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this case (global id or plain accreditationId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? accreditationIdOf(String(args.id)) : undefined;
      const { accreditations } = context.hub;
      const selection = {
        key: 'accreditation',
        projection: accreditationsProjection.name,
        entityOf: entityOfCategory(accreditationCategory),
        read: (id: string) => accreditations.byIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);
