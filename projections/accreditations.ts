// The accreditation register (DOMAIN.md, "the four read models": per programme or institution,
// agency, stage, decision, validity; expiring soon): one row per case, with its programmes, the
// sections of its self-assessment, the recommendations of its decision and the evidence attached.
import { z } from 'zod';
import {
  accreditationCaseEventSchemas,
  accreditationCaseEventTypes,
  accreditationCategory,
  type AccreditationCaseEvent,
} from '../src/domain/accreditation-cases.ts';
import { accreditationKind, accreditationOutcome, accreditationStage, recommendationStatus, sectionStatus } from '../src/domain/accreditation-terms.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'accreditations' | 'accreditation_programmes' | 'accreditation_sections' | 'accreditation_recommendations' | 'accreditation_evidence';

const dataOf = (event: RecordedEvent): AccreditationCaseEvent =>
  ({ type: event.type, data: accreditationCaseEventSchemas[event.type as AccreditationCaseEvent['type']].parse(event.data) }) as AccreditationCaseEvent;

const json = (value: unknown): string => JSON.stringify(value);

export const accreditationsProjection: ProjectionDefinition<Table> = {
  name: 'accreditations',
  version: 1,
  tables: ['accreditations', 'accreditation_programmes', 'accreditation_sections', 'accreditation_recommendations', 'accreditation_evidence'],
  eventTypes: accreditationCaseEventTypes,
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.accreditations} (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL,
        framework_key TEXT NOT NULL, framework_version INTEGER NOT NULL, framework_title TEXT NOT NULL,
        programme_codes TEXT NOT NULL, faculty TEXT, stage TEXT NOT NULL, outcome TEXT, applied_on TEXT NOT NULL,
        working_group TEXT, self_assessment_started_on TEXT, swot TEXT, report_submitted_on TEXT, panel TEXT, visit TEXT, expert_report TEXT,
        decided_on TEXT, valid_from TEXT, valid_until TEXT, conditions TEXT NOT NULL DEFAULT '[]', interim_report_due_on TEXT,
        interim_reports TEXT NOT NULL DEFAULT '[]', closed_on TEXT, expired_on TEXT, withdrawn_on TEXT, withdrawal_reason TEXT,
        renews TEXT, renewed_by TEXT, applied_position INTEGER NOT NULL,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.accreditations}_order ON ${t.accreditations} (applied_position, id);
      CREATE INDEX IF NOT EXISTS ${t.accreditations}_valid_until ON ${t.accreditations} (valid_until, id);
      CREATE TABLE IF NOT EXISTS ${t.accreditation_programmes} (accreditation_id TEXT NOT NULL, programme_code TEXT NOT NULL, PRIMARY KEY (programme_code, accreditation_id));
      CREATE TABLE IF NOT EXISTS ${t.accreditation_sections} (
        accreditation_id TEXT NOT NULL, criterion TEXT NOT NULL, ordinal INTEGER NOT NULL, standard TEXT NOT NULL, title TEXT NOT NULL,
        status TEXT NOT NULL, narrative TEXT, comments TEXT, updated_on TEXT, PRIMARY KEY (accreditation_id, criterion));
      CREATE TABLE IF NOT EXISTS ${t.accreditation_recommendations} (
        accreditation_id TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL, due_on TEXT, status TEXT NOT NULL,
        action TEXT, owner TEXT, action_due_on TEXT, result TEXT, escalation_reason TEXT, updated_on TEXT, PRIMARY KEY (accreditation_id, number));
      CREATE TABLE IF NOT EXISTS ${t.accreditation_evidence} (
        accreditation_id TEXT NOT NULL, evidence_id TEXT NOT NULL, title TEXT NOT NULL, criterion TEXT, recommendation INTEGER, ordinal INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.accreditation_evidence}_case ON ${t.accreditation_evidence} (accreditation_id, ordinal);`);
    const insertCase = db.prepare(`INSERT INTO ${t.accreditations} (id, kind, agency_id, agency_name, framework_key, framework_version, framework_title,
      programme_codes, faculty, stage, applied_on, renews, applied_position, revision, position, updated_at)
      VALUES (@id, @kind, @agencyId, @agencyName, @frameworkKey, @frameworkVersion, @frameworkTitle, @codes, @faculty, 'application', @appliedOn, @renews,
      @appliedPosition, @revision, @position, @updatedAt)`);
    const insertProgramme = db.prepare(`INSERT OR IGNORE INTO ${t.accreditation_programmes} (accreditation_id, programme_code) VALUES (?, ?)`);
    const insertSection = db.prepare(
      `INSERT INTO ${t.accreditation_sections} (accreditation_id, criterion, ordinal, standard, title, status) VALUES (?, ?, ?, ?, ?, 'not_started')`,
    );
    const insertRecommendation = db.prepare(
      `INSERT INTO ${t.accreditation_recommendations} (accreditation_id, number, text, due_on, status) VALUES (?, ?, ?, ?, 'open')`,
    );
    const insertEvidence = db.prepare(`INSERT INTO ${t.accreditation_evidence} (accreditation_id, evidence_id, title, criterion, recommendation, ordinal)
      VALUES (?, ?, ?, ?, ?, (SELECT COUNT(*) FROM ${t.accreditation_evidence} WHERE accreditation_id = ?))`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${t.accreditations} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const touch = update('id = id');
    const section = db.prepare(`UPDATE ${t.accreditation_sections} SET status = @status, narrative = COALESCE(@narrative, narrative),
      comments = CASE WHEN @status = 'returned' THEN @comments WHEN @status = 'approved' THEN NULL ELSE comments END, updated_on = @on
      WHERE accreditation_id = @id AND criterion = @criterion`);
    const recommendation = (assignments: string) =>
      db.prepare(`UPDATE ${t.accreditation_recommendations} SET ${assignments} WHERE accreditation_id = @id AND number = @number`);
    const statements = {
      started: update(`stage = 'self_assessment', working_group = @group, self_assessment_started_on = @on`),
      swot: update('swot = @swot'),
      reportSubmitted: update(`stage = 'report_submitted', report_submitted_on = @on`),
      panel: update(`stage = 'expert_panel', panel = @panel`),
      visit: update(`stage = 'visit_held', visit = @visit`),
      expertReport: update(`stage = 'expert_report', expert_report = @report`),
      decided: update(`stage = 'decided', outcome = @outcome, decided_on = @decidedOn, valid_from = @validFrom, valid_until = @validUntil,
        conditions = @conditions, interim_report_due_on = @interimDue`),
      interim: update(`interim_reports = json_insert(interim_reports, '$[#]', json(@report)), interim_report_due_on = @nextDue`),
      closed: update(`stage = 'closed', closed_on = @on`),
      expired: update(`stage = 'expired', expired_on = @on`),
      withdrawn: update(`stage = 'withdrawn', withdrawn_on = @on, withdrawal_reason = @reason`),
      renewed: update('renewed_by = @renewedBy'),
      planned: recommendation(`status = 'action_planned', action = @action, owner = @owner, action_due_on = @dueOn, result = NULL, updated_on = @on`),
      completed: recommendation(`status = 'action_completed', result = @result, updated_on = @on`),
      overdue: recommendation(`status = 'overdue', updated_on = @on`),
      recommendationClosed: recommendation(`status = 'closed', updated_on = @on`),
      escalated: recommendation(`status = 'escalated', escalation_reason = @reason, updated_on = @on`),
    };
    return {
      apply(recorded) {
        const id = recorded.stream.slice(accreditationCategory.length + 1);
        const stamp = { id, revision: recorded.revision, position: encodePosition(recorded.position), updatedAt: recorded.recordedAt };
        const event = dataOf(recorded);
        switch (event.type) {
          case 'AccreditationApplied': {
            const d = event.data;
            insertCase.run({
              ...stamp,
              kind: d.kind,
              agencyId: d.agencyId,
              agencyName: d.agencyName,
              frameworkKey: d.framework.framework,
              frameworkVersion: d.framework.version,
              frameworkTitle: d.framework.title,
              codes: json(d.programmeCodes),
              faculty: d.faculty ?? null,
              appliedOn: d.appliedOn,
              renews: d.renews ?? null,
              appliedPosition: recorded.position.commit,
            });
            for (const code of d.programmeCodes) insertProgramme.run(id, code);
            d.framework.criteria.forEach((c, i) => {
              insertSection.run(id, c.code, i, c.standard, c.title);
            });
            return;
          }
          case 'SelfAssessmentStarted':
            statements.started.run({ ...stamp, group: json(event.data.workingGroup), on: event.data.startedOn });
            return;
          case 'SelfAssessmentSectionDrafted':
            section.run({ id, criterion: event.data.criterion, status: 'draft', narrative: event.data.narrative, comments: null, on: event.data.draftedOn });
            touch.run(stamp);
            return;
          case 'SelfAssessmentSectionSubmitted':
            section.run({ id, criterion: event.data.criterion, status: 'for_review', narrative: null, comments: null, on: event.data.submittedOn });
            touch.run(stamp);
            return;
          case 'SelfAssessmentSectionReturned':
            section.run({ id, criterion: event.data.criterion, status: 'returned', narrative: null, comments: event.data.comments, on: event.data.returnedOn });
            touch.run(stamp);
            return;
          case 'SelfAssessmentSectionApproved':
            section.run({ id, criterion: event.data.criterion, status: 'approved', narrative: null, comments: null, on: event.data.approvedOn });
            touch.run(stamp);
            return;
          case 'SelfAssessmentSwotRecorded': {
            const { accreditationId: _id, ...swot } = event.data;
            statements.swot.run({ ...stamp, swot: json(swot) });
            return;
          }
          case 'SelfAssessmentReportSubmitted':
            statements.reportSubmitted.run({ ...stamp, on: event.data.submittedOn });
            return;
          case 'ExpertPanelAppointed': {
            const { accreditationId: _id, ...panel } = event.data;
            statements.panel.run({ ...stamp, panel: json(panel) });
            return;
          }
          case 'AccreditationVisitHeld': {
            const { accreditationId: _id, ...visit } = event.data;
            statements.visit.run({ ...stamp, visit: json(visit) });
            return;
          }
          case 'ExpertReportReceived': {
            const { accreditationId: _id, ...report } = event.data;
            statements.expertReport.run({ ...stamp, report: json(report) });
            return;
          }
          case 'AccreditationDecided': {
            const d = event.data;
            statements.decided.run({
              ...stamp,
              outcome: d.outcome,
              decidedOn: d.decidedOn,
              validFrom: d.validFrom ?? null,
              validUntil: d.validUntil ?? null,
              conditions: json(d.conditions),
              interimDue: d.interimReportDueOn ?? null,
            });
            for (const r of d.recommendations) insertRecommendation.run(id, r.number, r.text, r.dueOn ?? null);
            return;
          }
          case 'RecommendationActionPlanned': {
            const d = event.data;
            statements.planned.run({ id, number: d.recommendation, action: d.action, owner: d.owner, dueOn: d.dueOn, on: d.plannedOn });
            touch.run(stamp);
            return;
          }
          case 'RecommendationActionCompleted':
            statements.completed.run({ id, number: event.data.recommendation, result: event.data.result, on: event.data.completedOn });
            touch.run(stamp);
            return;
          case 'RecommendationActionOverdue':
            statements.overdue.run({ id, number: event.data.recommendation, on: event.data.on });
            touch.run(stamp);
            return;
          case 'RecommendationClosed':
            statements.recommendationClosed.run({ id, number: event.data.recommendation, on: event.data.closedOn });
            touch.run(stamp);
            return;
          case 'RecommendationEscalated':
            statements.escalated.run({ id, number: event.data.recommendation, reason: event.data.reason, on: event.data.escalatedOn });
            touch.run(stamp);
            return;
          case 'InterimReportSubmitted': {
            const { summary, submittedOn, nextDueOn } = event.data;
            statements.interim.run({ ...stamp, report: json({ summary, submittedOn }), nextDue: nextDueOn ?? null });
            return;
          }
          case 'AccreditationCaseClosed':
            statements.closed.run({ ...stamp, on: event.data.closedOn });
            return;
          case 'AccreditationExpired':
            statements.expired.run({ ...stamp, on: event.data.expiredOn });
            return;
          case 'AccreditationWithdrawn':
            statements.withdrawn.run({ ...stamp, on: event.data.withdrawnOn, reason: event.data.reason });
            return;
          case 'AccreditationRenewed':
            statements.renewed.run({ ...stamp, renewedBy: event.data.renewedBy });
            return;
          case 'EvidenceAttached': {
            const d = event.data;
            insertEvidence.run(id, d.evidenceId, d.title, d.criterion ?? null, d.recommendation ?? null, id);
            touch.run(stamp);
            return;
          }
        }
      },
    };
  },
};

export const accreditationRow = z.object({
  id: z.string(),
  kind: accreditationKind,
  agency_id: z.string(),
  agency_name: z.string(),
  framework_key: z.string(),
  framework_version: z.number(),
  framework_title: z.string(),
  programme_codes: z.string(),
  faculty: z.string().nullable(),
  stage: accreditationStage,
  outcome: accreditationOutcome.nullable(),
  applied_on: z.string(),
  working_group: z.string().nullable(),
  self_assessment_started_on: z.string().nullable(),
  swot: z.string().nullable(),
  report_submitted_on: z.string().nullable(),
  panel: z.string().nullable(),
  visit: z.string().nullable(),
  expert_report: z.string().nullable(),
  decided_on: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_until: z.string().nullable(),
  conditions: z.string(),
  interim_report_due_on: z.string().nullable(),
  interim_reports: z.string(),
  closed_on: z.string().nullable(),
  expired_on: z.string().nullable(),
  withdrawn_on: z.string().nullable(),
  withdrawal_reason: z.string().nullable(),
  renews: z.string().nullable(),
  renewed_by: z.string().nullable(),
  applied_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type AccreditationRow = z.infer<typeof accreditationRow>;

export const sectionRow = z.object({
  criterion: z.string(),
  standard: z.string(),
  title: z.string(),
  status: sectionStatus,
  narrative: z.string().nullable(),
  comments: z.string().nullable(),
  updated_on: z.string().nullable(),
  evidence_count: z.number(),
});
export type SectionRow = z.infer<typeof sectionRow>;

export const recommendationRow = z.object({
  number: z.number(),
  text: z.string(),
  due_on: z.string().nullable(),
  status: recommendationStatus,
  action: z.string().nullable(),
  owner: z.string().nullable(),
  action_due_on: z.string().nullable(),
  result: z.string().nullable(),
  escalation_reason: z.string().nullable(),
  updated_on: z.string().nullable(),
});
export type RecommendationRow = z.infer<typeof recommendationRow>;

export const attachmentRow = z.object({ evidence_id: z.string(), title: z.string(), criterion: z.string().nullable(), recommendation: z.number().nullable() });
export type AttachmentRow = z.infer<typeof attachmentRow>;

export const accreditationOrder = z.enum(['applied', 'valid_until']).meta({
  id: 'AccreditationOrder',
  description: 'Order of the accreditation register: by application (oldest first), or by end of validity (soonest first, cases without one last).',
  values: {
    applied: 'By application, oldest first (the default).',
    valid_until: 'By the end of validity, soonest first; cases without one last.',
  },
  labels: {
    applied: { ky: 'Арыз берилген күнү боюнча', ru: 'По дате заявки', en: 'By application' },
    valid_until: { ky: 'Жарактуулук мөөнөтү боюнча', ru: 'По сроку действия', en: 'By end of validity' },
  },
});
export type AccreditationOrder = z.infer<typeof accreditationOrder>;

export type AccreditationFilter = {
  kinds?: string[] | null;
  agencyId?: string | null;
  programmeCode?: string | null;
  faculty?: string | null;
  stages?: string[] | null;
  outcomes?: string[] | null;
  /** Accreditations in force (decided or closed, not denied) whose validity ends before this date. */
  expiringBefore?: string | null;
};

const orderColumn: Record<AccreditationOrder, string> = { applied: 'applied_position', valid_until: "COALESCE(valid_until, '9999-12-31')" };

export function createAccreditationQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM accreditations WHERE id = ?');
  const sections = db.prepare<
    [string],
    unknown
  >(`SELECT s.*, (SELECT COUNT(*) FROM accreditation_evidence e WHERE e.accreditation_id = s.accreditation_id AND e.criterion = s.criterion) AS evidence_count
    FROM accreditation_sections s WHERE s.accreditation_id = ? ORDER BY s.ordinal`);
  const recommendations = db.prepare<[string], unknown>('SELECT * FROM accreditation_recommendations WHERE accreditation_id = ? ORDER BY number');
  const attachments = db.prepare<[string], unknown>('SELECT * FROM accreditation_evidence WHERE accreditation_id = ? ORDER BY ordinal');
  return {
    byIds: (ids: readonly string[]): (AccreditationRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : accreditationRow.parse(row);
      }),
    sections: (id: string): SectionRow[] => sections.all(id).map((r) => sectionRow.parse(r)),
    recommendations: (id: string): RecommendationRow[] => recommendations.all(id).map((r) => recommendationRow.parse(r)),
    attachments: (id: string): AttachmentRow[] => attachments.all(id).map((r) => attachmentRow.parse(r)),
    sortKey: (row: AccreditationRow, order: AccreditationOrder): [string | number, string] => [
      order === 'applied' ? row.applied_position : (row.valid_until ?? '9999-12-31'),
      row.id,
    ],
    page(filter: AccreditationFilter, order: AccreditationOrder, request: PageRequest): { rows: AccreditationRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'kind', filter.kinds);
      inList(conditions, 'stage', filter.stages);
      inList(conditions, 'outcome', filter.outcomes);
      inList(conditions, 'agency_id', filter.agencyId ? [filter.agencyId] : null);
      inList(conditions, 'faculty', filter.faculty ? [filter.faculty] : null);
      if (filter.programmeCode) {
        conditions.where.push('id IN (SELECT accreditation_id FROM accreditation_programmes WHERE programme_code = ?)');
        conditions.params.push(filter.programmeCode);
      }
      if (filter.expiringBefore) {
        conditions.where.push("stage IN ('decided', 'closed') AND outcome != 'denied' AND valid_until IS NOT NULL AND valid_until < ?");
        conditions.params.push(filter.expiringBefore);
      }
      return keysetPage(db, 'accreditations', conditions, orderColumn[order], request, (r) => accreditationRow.parse(r));
    },
  };
}
export type AccreditationQueries = ReturnType<typeof createAccreditationQueries>;
