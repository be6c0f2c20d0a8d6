// The licence registry (regulation §3.1: "keep the registry of licences complete, continuous and
// correct"): one row per licence application, folded from the licensing events.
import { z } from 'zod';
import {
  educationLevel,
  formOfStudy,
  licenseCategory,
  licenseStatus,
  licensingEventSchemas,
  licensingEventTypes,
  type LicensingEvent,
  type Programme,
  type RegistryFacts,
} from '../src/domain/licensing.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import { parsedOnce } from './parsed-once.ts';
import { rowCache, type StoredRow } from './row-cache.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

const columns = `
  id TEXT PRIMARY KEY,
  programme_code TEXT NOT NULL,
  name_ky TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
  level TEXT NOT NULL, form_of_study TEXT NOT NULL, faculty TEXT NOT NULL, faculty_key TEXT NOT NULL,
  requested_capacity INTEGER NOT NULL, capacity INTEGER NOT NULL, address TEXT,
  status TEXT NOT NULL, submitted_on TEXT NOT NULL,
  expert_group TEXT, conclusion TEXT,
  license_number TEXT, appendix_number TEXT, granted_on TEXT, valid_until TEXT,
  suspended_on TEXT, suspension_reason TEXT,
  revoked_on TEXT, revocation_reason TEXT, revocation_basis TEXT, expired_on TEXT,
  amendment_count INTEGER NOT NULL DEFAULT 0, last_amended_on TEXT,
  applied_position INTEGER NOT NULL, previous_license_id TEXT,
  revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL`;

type Table = 'licenses';

/**
 * What the faculty filter compares: SQLite's NOCASE folds ASCII only, and faculties are named in
 * Cyrillic too. toLowerCase (not toLocaleLowerCase) so that the key does not depend on the locale
 * of the machine that rebuilds the read model.
 */
export const facultyKey = (faculty: string): string => faculty.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Parse stored event data with the event's schema, so a projection never folds malformed data. */
const dataOf = (event: RecordedEvent): LicensingEvent =>
  ({ type: event.type, data: parsedOnce(licensingEventSchemas[event.type as LicensingEvent['type']], event) }) as LicensingEvent;

const storedColumns = [
  'id',
  'programme_code',
  'name_ky',
  'name_ru',
  'name_en',
  'level',
  'form_of_study',
  'faculty',
  'faculty_key',
  'requested_capacity',
  'capacity',
  'address',
  'status',
  'submitted_on',
  'expert_group',
  'conclusion',
  'license_number',
  'appendix_number',
  'granted_on',
  'valid_until',
  'suspended_on',
  'suspension_reason',
  'revoked_on',
  'revocation_reason',
  'revocation_basis',
  'expired_on',
  'amendment_count',
  'last_amended_on',
  'applied_position',
  'previous_license_id',
  'revision',
  'position',
  'updated_at',
] as const;

/** The registry row as the table stores it, folded in memory between flushes. */
type Stored = Record<(typeof storedColumns)[number], StoredRow[string]>;

export const licensesProjection: ProjectionDefinition<Table> = {
  name: 'licenses',
  // 2: faculty_key, for the case-insensitive faculty filter, and previous_license_id.
  version: 2,
  tables: ['licenses'],
  eventTypes: licensingEventTypes,
  open(db, { licenses }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${licenses} (${columns});
      CREATE INDEX IF NOT EXISTS ${licenses}_status ON ${licenses} (status, applied_position);
      CREATE INDEX IF NOT EXISTS ${licenses}_order ON ${licenses} (applied_position, id);
      CREATE INDEX IF NOT EXISTS ${licenses}_code ON ${licenses} (programme_code, id);
      CREATE INDEX IF NOT EXISTS ${licenses}_valid_until ON ${licenses} (valid_until, id);
      CREATE INDEX IF NOT EXISTS ${licenses}_faculty ON ${licenses} (faculty_key, id);
      CREATE INDEX IF NOT EXISTS ${licenses}_programme ON ${licenses} (programme_code, level, form_of_study, applied_position);
      CREATE INDEX IF NOT EXISTS ${licenses}_number ON ${licenses} (license_number);`);
    // Each event rewrites its licence's row: folded in memory during a batch and written once (row-cache.ts).
    const rows = rowCache<Stored>(db, { table: licenses, key: 'id', columns: storedColumns });
    return {
      apply(recorded, options) {
        applyTo(recorded);
        if (!options?.deferWrites) rows.flush();
      },
      flush: rows.flush,
      discard: rows.discard,
    };

    function applyTo(recorded: RecordedEvent): void {
      const id = recorded.stream.slice(licenseCategory.length + 1);
      const event = dataOf(recorded);
      if (event.type === 'LicenseApplied') {
        const { programme: p } = event.data;
        // Every column in the table's order, written out: one shape for every row, no spread.
        rows.insert(id, {
          id,
          programme_code: p.code,
          name_ky: p.name.ky,
          name_ru: p.name.ru,
          name_en: p.name.en,
          level: p.level,
          form_of_study: p.formOfStudy,
          faculty: p.faculty,
          faculty_key: facultyKey(p.faculty),
          requested_capacity: event.data.requestedCapacity,
          capacity: event.data.requestedCapacity,
          address: event.data.address ?? null,
          status: 'applied',
          submitted_on: event.data.submittedOn,
          expert_group: null,
          conclusion: null,
          license_number: null,
          appendix_number: null,
          granted_on: null,
          valid_until: null,
          suspended_on: null,
          suspension_reason: null,
          revoked_on: null,
          revocation_reason: null,
          revocation_basis: null,
          expired_on: null,
          amendment_count: 0,
          last_amended_on: null,
          applied_position: recorded.position.commit,
          previous_license_id: event.data.previousLicenseId ?? null,
          revision: Number(recorded.revision),
          position: encodePosition(recorded.position),
          updated_at: recorded.recordedAt,
        });
        return;
      }
      // An event for a licence the registry does not hold changes nothing, as an UPDATE of no row would.
      const row = rows.get(id);
      if (!row) return;
      switch (event.type) {
        case 'ExpertGroupFormed': {
          const { kind, members, formedOn } = event.data;
          row.status = 'under_expert_review';
          row.expert_group = JSON.stringify({ kind, members, formedOn });
          row.conclusion = null;
          break;
        }
        case 'ExpertConclusionRecorded': {
          const { outcome, summary, concludedOn } = event.data;
          row.status = `conclusion_${outcome}`;
          row.conclusion = JSON.stringify({ outcome, summary, concludedOn });
          break;
        }
        case 'LicenseGranted': {
          const d = event.data;
          row.status = 'active';
          row.license_number = d.licenseNumber;
          row.appendix_number = d.appendixNumber;
          row.granted_on = d.grantedOn;
          row.valid_until = d.validUntil;
          row.capacity = d.capacity;
          break;
        }
        case 'LicenseAmended': {
          const d = event.data;
          row.capacity = d.capacity ?? row.capacity;
          row.name_ky = d.programmeName?.ky ?? row.name_ky;
          row.name_ru = d.programmeName?.ru ?? row.name_ru;
          row.name_en = d.programmeName?.en ?? row.name_en;
          row.address = d.address ?? row.address;
          row.amendment_count = Number(row.amendment_count) + 1;
          row.last_amended_on = d.amendedOn;
          break;
        }
        case 'LicenseSuspended':
          row.status = 'suspended';
          row.suspended_on = event.data.suspendedOn;
          row.suspension_reason = event.data.reason;
          break;
        case 'LicenseResumed':
          row.status = 'active';
          row.suspended_on = null;
          row.suspension_reason = null;
          break;
        case 'LicenseRevoked':
          row.status = 'revoked';
          row.revoked_on = event.data.revokedOn;
          row.revocation_reason = event.data.reason;
          row.revocation_basis = event.data.basis;
          break;
        case 'LicenseExpired':
          row.status = 'expired';
          row.expired_on = event.data.expiredOn;
          break;
      }
      row.revision = Number(recorded.revision);
      row.position = encodePosition(recorded.position);
      row.updated_at = recorded.recordedAt;
    }
  },
};

/** A row of the registry as the read side returns it. */
export const licenseRow = z.object({
  id: z.string(),
  programme_code: z.string(),
  name_ky: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
  level: educationLevel,
  form_of_study: formOfStudy,
  faculty: z.string(),
  requested_capacity: z.number(),
  capacity: z.number(),
  address: z.string().nullable(),
  status: licenseStatus,
  submitted_on: z.string(),
  expert_group: z.string().nullable(),
  conclusion: z.string().nullable(),
  license_number: z.string().nullable(),
  appendix_number: z.string().nullable(),
  granted_on: z.string().nullable(),
  valid_until: z.string().nullable(),
  suspended_on: z.string().nullable(),
  suspension_reason: z.string().nullable(),
  revoked_on: z.string().nullable(),
  revocation_reason: z.string().nullable(),
  revocation_basis: z.string().nullable(),
  expired_on: z.string().nullable(),
  amendment_count: z.number(),
  last_amended_on: z.string().nullable(),
  applied_position: z.number(),
  previous_license_id: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type LicenseRow = z.infer<typeof licenseRow>;
export type LicenseColumn = keyof LicenseRow;

/** Every column of the registry, in the order of its row type. */
export const licenseColumns = Object.keys(licenseRow.shape) as LicenseColumn[];

export const licenseOrder = z.enum(['applied', 'programme_code', 'valid_until']).meta({
  id: 'LicenseOrder',
  description:
    'Order of the registry: by application (oldest first), by programme code, or by end of validity (soonest first, licences without a time limit last).',
  values: {
    applied: 'By application, oldest first (the default).',
    programme_code: 'By programme code, ascending.',
    valid_until: 'By the last day of validity, soonest first; licences without a time limit, and those not yet granted, last.',
  },
  labels: {
    applied: { ky: 'Арыз берилген күнү боюнча', ru: 'По дате заявки', en: 'By application' },
    programme_code: { ky: 'Программанын коду боюнча', ru: 'По коду программы', en: 'By programme code' },
    valid_until: { ky: 'Жарактуулук мөөнөтү боюнча', ru: 'По сроку действия', en: 'By end of validity' },
  },
});
export type LicenseOrder = z.infer<typeof licenseOrder>;

export type LicenseFilter = {
  statuses?: string[] | null;
  levels?: string[] | null;
  formsOfStudy?: string[] | null;
  faculty?: string | null;
  programmeCode?: string | null;
  /** Licences in force (active or suspended) whose validity ends before this date. */
  expiringBefore?: string | null;
};

/** Keyset position of a row within an order: the sort value and the id that breaks ties. */
type Key = [string | number | null, string];

/** What a row's sort key is made of in each order, besides its id. */
const sortColumn: Record<LicenseOrder, LicenseColumn> = { applied: 'applied_position', programme_code: 'programme_code', valid_until: 'valid_until' };

const orderColumn: Record<LicenseOrder, string> = {
  applied: 'applied_position',
  programme_code: 'programme_code',
  // NULL (no time limit) sorts last: map it to a date after any real one.
  valid_until: "COALESCE(valid_until, '9999-12-31')",
};

type ProgrammeKey = Pick<Programme, 'code' | 'level' | 'formOfStudy'>;

export function createLicenseQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM licenses WHERE id = ?');
  const sameProgramme = 'programme_code = @code AND level = @level AND form_of_study = @formOfStudy AND id != @self';
  const pending = db.prepare<[ProgrammeKey & { self: string }], { id: string }>(
    `SELECT id FROM licenses WHERE ${sameProgramme} AND status IN ('applied', 'under_expert_review', 'conclusion_positive') ORDER BY applied_position DESC LIMIT 1`,
  );
  const latestGranted = db.prepare<[ProgrammeKey & { self: string }], { id: string; status: string }>(
    `SELECT id, status FROM licenses WHERE ${sameProgramme} AND granted_on IS NOT NULL ORDER BY applied_position DESC LIMIT 1`,
  );
  const numberHolder = db.prepare<[string, string], { id: string }>('SELECT id FROM licenses WHERE license_number = ? AND id != ? LIMIT 1');
  return {
    /** What the registry says about a new application `self` for this programme (code, level and form of study). */
    programmeFacts({ code, level, formOfStudy }: ProgrammeKey, self: string): RegistryFacts {
      const key = { code, level, formOfStudy, self };
      const open = pending.get(key);
      const latest = latestGranted.get(key);
      return {
        ...(open ? { pendingApplication: open.id } : {}),
        ...(latest && (latest.status === 'expired' || latest.status === 'revoked') ? { endedLicense: latest.id } : {}),
      };
    },
    /** Which other licence, if any, already carries this licence number. */
    numberFacts(licenseNumber: string, self: string): RegistryFacts {
      const holder = numberHolder.get(licenseNumber, self);
      return holder ? { licenseNumberHolder: holder.id } : {};
    },
    byIds(ids: readonly string[]): (LicenseRow | undefined)[] {
      return ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : licenseRow.parse(row);
      });
    },
    sortKey(row: LicenseRow, order: LicenseOrder): Key {
      const value = order === 'applied' ? row.applied_position : order === 'programme_code' ? row.programme_code : (row.valid_until ?? '9999-12-31');
      return [value, row.id];
    },
    /**
     * One page of the registry in `order`, after (forward) or before (backward) the key `from`,
     * exclusive. Rows come back in the list's order; one extra row is read to tell if more follow.
     *
     * A row holds `columns` (every column by default), its id and its sort key: a caller that
     * names columns reads no others from the rows. The rows are not parsed again: the projection
     * wrote them from parsed events into typed NOT NULL columns, and parsing 50 rows of 31 columns
     * cost as much as reading them (issue 16; a test compares every field with `byIds`).
     */
    page(
      filter: LicenseFilter,
      order: LicenseOrder,
      request: PageRequest,
      columns: readonly LicenseColumn[] = licenseColumns,
    ): { rows: LicenseRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'level', filter.levels);
      inList(conditions, 'form_of_study', filter.formsOfStudy);
      inList(conditions, 'faculty_key', filter.faculty ? [facultyKey(filter.faculty)] : null);
      inList(conditions, 'programme_code', filter.programmeCode ? [filter.programmeCode] : null);
      if (filter.expiringBefore) {
        conditions.where.push("status IN ('active', 'suspended') AND valid_until IS NOT NULL AND valid_until < ?");
        conditions.params.push(filter.expiringBefore);
      }
      // In the table's order, so that queries asking for the same fields in another order share one statement.
      const wanted = new Set<LicenseColumn>(['id', sortColumn[order], ...columns]);
      const selected = licenseColumns.filter((column) => wanted.has(column));
      return keysetPage(db, 'licenses', conditions, orderColumn[order], request, (r) => r as LicenseRow, selected);
    },
  };
}
export type LicenseQueries = ReturnType<typeof createLicenseQueries>;
