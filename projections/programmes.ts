// The programme register (issue 9, item 4): every programme the university runs, by code, with its
// licences and its accreditations, so a dean asks one question and sees whether the programme may
// run and whether it is accredited. A cross-module read model: it folds licensing and accreditation
// events into tables of its own and never reads another projection's tables, so each projection
// can be rebuilt alone (DESIGN.md, "Cross-module read models").
import { z } from 'zod';
import { accreditationCaseEventSchemas, accreditationCategory, type AccreditationCaseEvent } from '../src/domain/accreditation-cases.ts';
import { accreditationKind, accreditationOutcome, accreditationStage } from '../src/domain/accreditation-terms.ts';
import {
  educationLevel,
  formOfStudy,
  licenseCategory,
  licenseStatus,
  licensingEventSchemas,
  licensingEventTypes,
  type LicensingEvent,
} from '../src/domain/licensing.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { ReadModelDatabase } from './database.ts';
import { keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import { parsedOnce } from './parsed-once.ts';
import { rowCache, type StoredRow } from './row-cache.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'programmes' | 'programme_licenses' | 'programme_accreditations';

/** The accreditation events that change what the register shows of a case. */
const accreditationEvents = [
  'AccreditationApplied',
  'AccreditationDecided',
  'AccreditationCaseClosed',
  'AccreditationExpired',
  'AccreditationWithdrawn',
] as const;
const stageOf: Partial<Record<AccreditationCaseEvent['type'], string>> = {
  AccreditationCaseClosed: 'closed',
  AccreditationExpired: 'expired',
  AccreditationWithdrawn: 'withdrawn',
};

type Stamp = { position: string; updatedAt: string; ordinal: number };

const programmeColumns = ['id', 'name_ky', 'name_ru', 'name_en', 'level', 'form_of_study', 'faculty', 'position', 'updated_at'] as const;
type ProgrammeStored = Record<(typeof programmeColumns)[number], StoredRow[string]>;
const licenseColumns = ['license_id', 'programme_code', 'status', 'capacity', 'license_number', 'granted_on', 'valid_until', 'ordinal'] as const;
type LicenseStored = Record<(typeof licenseColumns)[number], StoredRow[string]>;

/** Licence statuses in which the programme may be taught. */
const licensedStatuses = ['active', 'suspended'];
/** A licence that is only suspended does not let the programme run. */
const runningStatuses = ['active'];

export const programmesProjection: ProjectionDefinition<Table> = {
  name: 'programmes',
  version: 1,
  tables: ['programmes', 'programme_licenses', 'programme_accreditations'],
  eventTypes: [...licensingEventTypes, ...accreditationEvents],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.programmes} (
        id TEXT PRIMARY KEY, name_ky TEXT, name_ru TEXT, name_en TEXT, level TEXT, form_of_study TEXT, faculty TEXT,
        position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.programme_licenses} (
        license_id TEXT PRIMARY KEY, programme_code TEXT NOT NULL, status TEXT NOT NULL, capacity INTEGER NOT NULL,
        license_number TEXT, granted_on TEXT, valid_until TEXT, ordinal INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.programme_licenses}_code ON ${t.programme_licenses} (programme_code, ordinal);
      CREATE TABLE IF NOT EXISTS ${t.programme_accreditations} (
        accreditation_id TEXT NOT NULL, programme_code TEXT NOT NULL, kind TEXT NOT NULL, agency_name TEXT NOT NULL, stage TEXT NOT NULL,
        outcome TEXT, valid_until TEXT, ordinal INTEGER NOT NULL, PRIMARY KEY (accreditation_id, programme_code));
      CREATE INDEX IF NOT EXISTS ${t.programme_accreditations}_code ON ${t.programme_accreditations} (programme_code, ordinal);`);
    // Licensing events rewrite a licence's row and its programme's row one event after another:
    // folded in memory during a batch and written once (row-cache.ts).
    const programmes = rowCache<ProgrammeStored>(db, { table: t.programmes, key: 'id', columns: programmeColumns });
    const licenses = rowCache<LicenseStored>(db, { table: t.programme_licenses, key: 'license_id', columns: licenseColumns });
    const insertAccreditation =
      db.prepare(`INSERT OR IGNORE INTO ${t.programme_accreditations} (accreditation_id, programme_code, kind, agency_name, stage, ordinal)
      VALUES (@accreditationId, @code, @kind, @agencyName, 'application', @ordinal)`);
    const decided = db.prepare(
      `UPDATE ${t.programme_accreditations} SET stage = 'decided', outcome = @outcome, valid_until = @validUntil WHERE accreditation_id = @accreditationId`,
    );
    const staged = db.prepare(`UPDATE ${t.programme_accreditations} SET stage = @stage WHERE accreditation_id = @accreditationId`);
    const codesOfCase = db.prepare<[string], string>(`SELECT programme_code FROM ${t.programme_accreditations} WHERE accreditation_id = ?`).pluck();

    /** The programme, known from now on if it was not, stamped with this event. */
    function knownProgramme(code: string, stamp: Stamp): ProgrammeStored {
      const row = programmes.get(code);
      if (row) return Object.assign(row, { position: stamp.position, updated_at: stamp.updatedAt });
      const created: ProgrammeStored = {
        id: code,
        name_ky: null,
        name_ru: null,
        name_en: null,
        level: null,
        form_of_study: null,
        faculty: null,
        position: stamp.position,
        updated_at: stamp.updatedAt,
      };
      programmes.insert(code, created);
      return created;
    }

    /** The programme of a licence the register holds, if both are there. */
    const programmeOfLicense = (license: LicenseStored | undefined) => (license ? programmes.get(String(license.programme_code)) : undefined);

    function applyLicensing(event: LicensingEvent, licenseId: string, stamp: Stamp): void {
      if (event.type === 'LicenseApplied') {
        const p = event.data.programme;
        Object.assign(knownProgramme(p.code, stamp), {
          name_ky: p.name.ky,
          name_ru: p.name.ru,
          name_en: p.name.en,
          level: p.level,
          form_of_study: p.formOfStudy,
          faculty: p.faculty,
        });
        licenses.insert(licenseId, {
          license_id: licenseId,
          programme_code: p.code,
          status: 'applied',
          capacity: event.data.requestedCapacity,
          license_number: null,
          granted_on: null,
          valid_until: null,
          ordinal: stamp.ordinal,
        });
        return;
      }
      // Events of a licence the register does not hold change nothing, as an UPDATE of no row would.
      const license = licenses.get(licenseId);
      switch (event.type) {
        case 'ExpertGroupFormed':
          if (license) license.status = 'under_expert_review';
          break;
        case 'ExpertConclusionRecorded':
          if (license) license.status = `conclusion_${event.data.outcome}`;
          break;
        case 'LicenseGranted':
          if (license)
            Object.assign(license, {
              status: 'active',
              license_number: event.data.licenseNumber,
              granted_on: event.data.grantedOn,
              valid_until: event.data.validUntil,
              capacity: event.data.capacity,
            });
          break;
        case 'LicenseAmended': {
          if (license) license.capacity = event.data.capacity ?? license.capacity;
          const name = event.data.programmeName;
          const programme = programmeOfLicense(license);
          if (name && programme) Object.assign(programme, { name_ky: name.ky, name_ru: name.ru, name_en: name.en });
          break;
        }
        case 'LicenseSuspended':
          if (license) license.status = 'suspended';
          break;
        case 'LicenseResumed':
          if (license) license.status = 'active';
          break;
        case 'LicenseRevoked':
          if (license) license.status = 'revoked';
          break;
        case 'LicenseExpired':
          if (license) license.status = 'expired';
          break;
      }
      const programme = programmeOfLicense(license);
      if (programme) Object.assign(programme, { position: stamp.position, updated_at: stamp.updatedAt });
    }

    function applyAccreditation(event: AccreditationCaseEvent, accreditationId: string, stamp: Stamp): void {
      if (event.type === 'AccreditationApplied') {
        for (const code of event.data.programmeCodes) {
          knownProgramme(code, stamp);
          insertAccreditation.run({ accreditationId, code, kind: event.data.kind, agencyName: event.data.agencyName, ordinal: stamp.ordinal });
        }
        return;
      }
      if (event.type === 'AccreditationDecided') decided.run({ accreditationId, outcome: event.data.outcome, validUntil: event.data.validUntil ?? null });
      else staged.run({ accreditationId, stage: stageOf[event.type] });
      for (const code of codesOfCase.all(accreditationId)) {
        const programme = programmes.get(code);
        if (programme) Object.assign(programme, { position: stamp.position, updated_at: stamp.updatedAt });
      }
    }

    function flush(): void {
      programmes.flush();
      licenses.flush();
    }

    return {
      apply(recorded, options) {
        const stamp = { position: encodePosition(recorded.position), updatedAt: recorded.recordedAt, ordinal: Number(recorded.position.commit) };
        if (recorded.stream.startsWith(`${licenseCategory}-`)) {
          const event = { type: recorded.type, data: parsedOnce(licensingEventSchemas[recorded.type as LicensingEvent['type']], recorded) } as LicensingEvent;
          applyLicensing(event, recorded.stream.slice(licenseCategory.length + 1), stamp);
        } else if (recorded.stream.startsWith(`${accreditationCategory}-`)) {
          const event = {
            type: recorded.type,
            data: parsedOnce(accreditationCaseEventSchemas[recorded.type as AccreditationCaseEvent['type']], recorded),
          } as AccreditationCaseEvent;
          applyAccreditation(event, recorded.stream.slice(accreditationCategory.length + 1), stamp);
        }
        if (!options?.deferWrites) flush();
      },
      flush,
      discard() {
        programmes.discard();
        licenses.discard();
      },
    };
  },
};

export const programmeRow = z.object({
  id: z.string(),
  name_ky: z.string().nullable(),
  name_ru: z.string().nullable(),
  name_en: z.string().nullable(),
  level: educationLevel.nullable(),
  form_of_study: formOfStudy.nullable(),
  faculty: z.string().nullable(),
  position: z.string(),
  updated_at: z.string(),
  may_run: z.number().transform((n) => n > 0),
  licensed: z.number().transform((n) => n > 0),
  accredited: z.number().transform((n) => n > 0),
});
export type ProgrammeRow = z.infer<typeof programmeRow>;

export const programmeLicenseRow = z.object({
  license_id: z.string(),
  status: licenseStatus,
  capacity: z.number(),
  license_number: z.string().nullable(),
  granted_on: z.string().nullable(),
  valid_until: z.string().nullable(),
});
export type ProgrammeLicenseRow = z.infer<typeof programmeLicenseRow>;

export const programmeAccreditationRow = z.object({
  accreditation_id: z.string(),
  kind: accreditationKind,
  agency_name: z.string(),
  stage: accreditationStage,
  outcome: accreditationOutcome.nullable(),
  valid_until: z.string().nullable(),
});
export type ProgrammeAccreditationRow = z.infer<typeof programmeAccreditationRow>;

export type ProgrammeFilter = { faculty?: string | null; mayRun?: boolean | null; accredited?: boolean | null };

const inSql = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Whether a programme may run and is accredited, computed from its own rows when read. */
const programmeView = `SELECT p.*,
    EXISTS (SELECT 1 FROM programme_licenses l WHERE l.programme_code = p.id AND l.status IN (${inSql(runningStatuses)})) AS may_run,
    EXISTS (SELECT 1 FROM programme_licenses l WHERE l.programme_code = p.id AND l.status IN (${inSql(licensedStatuses)})) AS licensed,
    EXISTS (SELECT 1 FROM programme_accreditations a WHERE a.programme_code = p.id AND a.stage IN ('decided', 'closed')
      AND a.outcome IN ('accredited', 'conditionally_accredited')) AS accredited
  FROM programmes p`;

export function createProgrammeQueries(db: ReadModelDatabase) {
  const byCode = db.prepare<[string], unknown>(`SELECT * FROM (${programmeView}) WHERE id = ?`);
  const licenses = db.prepare<[string], unknown>('SELECT * FROM programme_licenses WHERE programme_code = ? ORDER BY ordinal');
  const accreditations = db.prepare<[string], unknown>('SELECT * FROM programme_accreditations WHERE programme_code = ? ORDER BY ordinal');
  return {
    byCodes: (codes: readonly string[]): (ProgrammeRow | undefined)[] =>
      codes.map((code) => {
        const row = byCode.get(code);
        return row === undefined ? undefined : programmeRow.parse(row);
      }),
    licenses: (code: string): ProgrammeLicenseRow[] => licenses.all(code).map((r) => programmeLicenseRow.parse(r)),
    accreditations: (code: string): ProgrammeAccreditationRow[] => accreditations.all(code).map((r) => programmeAccreditationRow.parse(r)),
    sortKey: (row: ProgrammeRow): [string, string] => [row.id, row.id],
    page(filter: ProgrammeFilter, request: PageRequest): { rows: ProgrammeRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      const condition = (sql: string, value: unknown) => {
        conditions.where.push(sql);
        conditions.params.push(value);
      };
      if (filter.faculty) condition('faculty = ?', filter.faculty);
      if (filter.mayRun != null) condition('may_run = ?', filter.mayRun ? 1 : 0);
      if (filter.accredited != null) condition('accredited = ?', filter.accredited ? 1 : 0);
      return keysetPage(db, `(${programmeView})`, conditions, 'id', request, (r) => programmeRow.parse(r));
    },
  };
}
export type ProgrammeQueries = ReturnType<typeof createProgrammeQueries>;
