// The staffing table as the department stands: one row per rate of every position, filled (by
// whom, since which order) or vacant; the cases of appointment and dismissal; the designations of
// an acting director. The hub reads a person's positions and designations here on every request
// (src/auth/derived-roles.ts), so both are indexed by person.
import { z } from 'zod';
import { actingDesignationStatus, actingDirectorEventSchemas, actingDirectorEventTypes, type ActingDirectorEvent } from '../src/domain/acting-director.ts';
import { organisationUnit, regulationRates, staffPosition, unitOfPosition, type StaffPosition } from '../src/domain/organisation-units.ts';
import { staffCaseKind, staffCaseStatus, staffingEventSchemas, staffingEventTypes, type StaffingEvent } from '../src/domain/staffing.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'staffing_table' | 'staffing_positions' | 'staff_cases' | 'acting_designations';

const schemas: Record<string, z.ZodType> = { ...staffingEventSchemas, ...actingDirectorEventSchemas };
const parse = (event: RecordedEvent) => ({ type: event.type, data: schemas[event.type]!.parse(event.data) }) as StaffingEvent | ActingDirectorEvent;

export const organisationStaffingProjection: ProjectionDefinition<Table> = {
  name: 'organisation-staffing',
  version: 1,
  tables: ['staffing_table', 'staffing_positions', 'staff_cases', 'acting_designations'],
  eventTypes: [...staffingEventTypes, ...actingDirectorEventTypes],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.staffing_table} (id TEXT PRIMARY KEY, basis TEXT NOT NULL, order_number TEXT, order_date TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.staffing_positions} (staff_position TEXT NOT NULL, slot INTEGER NOT NULL, unit TEXT NOT NULL,
        person_id TEXT, person_name TEXT, since TEXT, order_number TEXT, case_id TEXT, PRIMARY KEY (staff_position, slot));
      CREATE INDEX IF NOT EXISTS ${t.staffing_positions}_person ON ${t.staffing_positions} (person_id);
      CREATE TABLE IF NOT EXISTS ${t.staff_cases} (id TEXT PRIMARY KEY, kind TEXT NOT NULL, person_id TEXT NOT NULL, person_name TEXT NOT NULL,
        staff_position TEXT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL, proposed_by TEXT NOT NULL, proposed_on TEXT NOT NULL, reason TEXT,
        decided_by TEXT, decided_on TEXT, decline_reason TEXT, order_number TEXT, order_date TEXT, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.staff_cases}_proposed ON ${t.staff_cases} (proposed_on, id);
      CREATE TABLE IF NOT EXISTS ${t.acting_designations} (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, person_name TEXT NOT NULL,
        starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, order_number TEXT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL,
        ended_on TEXT, recall_reason TEXT, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.acting_designations}_person ON ${t.acting_designations} (person_id, status);`);
    const upsertTable = db.prepare(`INSERT INTO ${t.staffing_table} (id, basis, order_number, order_date, revision, position, updated_at)
      VALUES ('department', @basis, @orderNumber, @orderDate, @revision, @position, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, position = excluded.position, updated_at = excluded.updated_at`);
    const slotCount = db.prepare<[string], { n: number; top: number | null }>(
      `SELECT COUNT(*) AS n, MAX(slot) AS top FROM ${t.staffing_positions} WHERE staff_position = ?`,
    );
    const addSlot = db.prepare(`INSERT INTO ${t.staffing_positions} (staff_position, slot, unit) VALUES (?, ?, ?)`);
    const dropVacant = db.prepare(`DELETE FROM ${t.staffing_positions} WHERE rowid IN
      (SELECT rowid FROM ${t.staffing_positions} WHERE staff_position = ? AND person_id IS NULL ORDER BY slot DESC LIMIT ?)`);
    const fill = db.prepare(`UPDATE ${t.staffing_positions} SET person_id = @personId, person_name = @personName, since = @orderDate,
      order_number = @orderNumber, case_id = @caseId WHERE rowid =
      (SELECT rowid FROM ${t.staffing_positions} WHERE staff_position = @position AND person_id IS NULL ORDER BY slot LIMIT 1)`);
    const vacate = db.prepare(`UPDATE ${t.staffing_positions} SET person_id = NULL, person_name = NULL, since = NULL, order_number = NULL, case_id = NULL
      WHERE staff_position = @position AND person_id = @personId`);
    const insertCase =
      db.prepare(`INSERT INTO ${t.staff_cases} (id, kind, person_id, person_name, staff_position, unit, status, proposed_by, proposed_on, reason, updated_at)
      VALUES (@caseId, @kind, @personId, @personName, @position, @unit, 'proposed', @proposedBy, @proposedOn, @reason, @updatedAt)`);
    const decideCase = db.prepare(
      `UPDATE ${t.staff_cases} SET status = @status, decided_by = @by, decided_on = @on, decline_reason = @reason, updated_at = @updatedAt WHERE id = @caseId`,
    );
    const orderCase = db.prepare(
      `UPDATE ${t.staff_cases} SET status = 'ordered', order_number = @orderNumber, order_date = @orderDate, updated_at = @updatedAt WHERE id = @caseId`,
    );
    const insertDesignation = db.prepare(`INSERT INTO ${t.acting_designations} (id, person_id, person_name, starts_on, ends_on, order_number, reason, status,
      revision, position, updated_at) VALUES (@designationId, @personId, @personName, @startsOn, @endsOn, @orderNumber, @reason, 'designated', @revision, @position, @updatedAt)`);
    const endDesignation = db.prepare(`UPDATE ${t.acting_designations} SET status = @status, ended_on = @endedOn, recall_reason = @reason,
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @designationId`);

    const setRates = (position: StaffPosition, rates: number) => {
      const { n, top } = slotCount.get(position)!;
      for (let slot = (top ?? 0) + 1, count = n; count < rates; slot++, count++) addSlot.run(position, slot, unitOfPosition[position]);
      if (n > rates) dropVacant.run(position, n - rates);
    };

    return {
      apply(recorded) {
        const stamp = { revision: recorded.revision, position: encodePosition(recorded.position), updatedAt: recorded.recordedAt };
        const event = parse(recorded);
        if (recorded.stream.startsWith('staffing-')) upsertTable.run({ basis: 'regulation', orderNumber: null, orderDate: null, ...stamp });
        switch (event.type) {
          case 'StaffingTableEstablished': {
            const d = event.data;
            db.prepare(`UPDATE ${t.staffing_table} SET basis = ?, order_number = ?, order_date = ?`).run(d.basis, d.orderNumber, d.orderDate);
            for (const [position, rates] of Object.entries(d.rates)) setRates(position as StaffPosition, rates);
            return;
          }
          case 'StaffingRatesChanged':
            setRates(event.data.position, event.data.rates);
            return;
          case 'StaffCaseProposed':
            insertCase.run({ ...event.data, updatedAt: stamp.updatedAt });
            return;
          case 'StaffCaseConsented': {
            const d = event.data;
            decideCase.run({ caseId: d.caseId, status: 'consented', by: d.consentedBy, on: d.consentedOn, reason: null, updatedAt: stamp.updatedAt });
            return;
          }
          case 'StaffCaseDeclined': {
            const d = event.data;
            decideCase.run({ caseId: d.caseId, status: 'declined', by: d.declinedBy, on: d.declinedOn, reason: d.reason, updatedAt: stamp.updatedAt });
            return;
          }
          case 'StaffAppointed':
          case 'StaffDismissed': {
            const d = event.data;
            if (event.type === 'StaffAppointed') fill.run(d);
            else vacate.run(d);
            if (d.caseId) orderCase.run({ caseId: d.caseId, orderNumber: d.orderNumber, orderDate: d.orderDate, updatedAt: stamp.updatedAt });
            return;
          }
          case 'ActingDirectorDesignated':
            insertDesignation.run({ ...event.data, ...stamp });
            return;
          case 'ActingDirectorRecalled': {
            const d = event.data;
            endDesignation.run({ designationId: d.designationId, status: 'recalled', endedOn: d.recalledOn, reason: d.reason, ...stamp });
            return;
          }
          case 'ActingDirectorDesignationEnded':
            endDesignation.run({ designationId: event.data.designationId, status: 'ended', endedOn: event.data.endedOn, reason: null, ...stamp });
            return;
        }
      },
    };
  },
};

export const staffingSlotRow = z.object({
  staff_position: staffPosition,
  slot: z.number(),
  unit: organisationUnit,
  person_id: z.string().nullable(),
  person_name: z.string().nullable(),
  since: z.string().nullable(),
  order_number: z.string().nullable(),
  case_id: z.string().nullable(),
});
export type StaffingSlotRow = z.infer<typeof staffingSlotRow>;

export const staffCaseRow = z.object({
  id: z.string(),
  kind: staffCaseKind,
  person_id: z.string(),
  person_name: z.string(),
  staff_position: staffPosition,
  unit: organisationUnit,
  status: staffCaseStatus,
  proposed_by: z.string(),
  proposed_on: z.string(),
  reason: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_on: z.string().nullable(),
  decline_reason: z.string().nullable(),
  order_number: z.string().nullable(),
  order_date: z.string().nullable(),
  updated_at: z.string(),
});
export type StaffCaseRow = z.infer<typeof staffCaseRow>;

export const actingDesignationRow = z.object({
  id: z.string(),
  person_id: z.string(),
  person_name: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  order_number: z.string(),
  reason: z.string(),
  status: actingDesignationStatus,
  ended_on: z.string().nullable(),
  recall_reason: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type ActingDesignationRow = z.infer<typeof actingDesignationRow>;

const positionOrder = Object.keys(regulationRates);

export function createStaffingQueries(db: ReadModelDatabase) {
  const slots = db.prepare('SELECT * FROM staffing_positions');
  const ofPerson = db.prepare<[string], { staff_position: StaffPosition; unit: string }>(
    'SELECT staff_position, unit FROM staffing_positions WHERE person_id = ?',
  );
  const slotsOfPerson = db.prepare<[string], unknown>('SELECT * FROM staffing_positions WHERE person_id = ?');
  const actingInForce = db.prepare<[string, string, string], { id: string }>(
    "SELECT id FROM acting_designations WHERE person_id = ? AND status = 'designated' AND starts_on <= ? AND ends_on >= ? LIMIT 1",
  );
  const table = db.prepare<[], { revision: number; position: string }>("SELECT revision, position FROM staffing_table WHERE id = 'department'");
  const caseById = db.prepare<[string], unknown>('SELECT * FROM staff_cases WHERE id = ?');
  const cases = db.prepare<[], unknown>('SELECT * FROM staff_cases ORDER BY proposed_on DESC, id LIMIT 200');
  const designationById = db.prepare<[string], unknown>('SELECT * FROM acting_designations WHERE id = ?');
  const designations = db.prepare<[], unknown>('SELECT * FROM acting_designations ORDER BY starts_on DESC, id LIMIT 200');
  const designationOverlapping = db.prepare<[string, string, string], unknown>(
    "SELECT * FROM acting_designations WHERE status = 'designated' AND starts_on <= ? AND ends_on >= ? AND id <> ? ORDER BY starts_on LIMIT 1",
  );
  return {
    /** Every rate of every position in the regulation's order; before the table is established, the regulation's, all vacant. */
    slots(): StaffingSlotRow[] {
      const rows = slots.all().map((r) => staffingSlotRow.parse(r));
      const all =
        rows.length > 0 || table.get()
          ? rows
          : Object.entries(regulationRates).flatMap(([position, rates]) =>
              Array.from({ length: rates }, (_, i) =>
                staffingSlotRow.parse({
                  staff_position: position,
                  slot: i + 1,
                  unit: unitOfPosition[position as StaffPosition],
                  person_id: null,
                  person_name: null,
                  since: null,
                  order_number: null,
                  case_id: null,
                }),
              ),
            );
      return all.sort((a, b) => positionOrder.indexOf(a.staff_position) - positionOrder.indexOf(b.staff_position) || a.slot - b.slot);
    },
    slotsOfPerson: (personId: string): StaffingSlotRow[] => slotsOfPerson.all(personId).map((r) => staffingSlotRow.parse(r)),
    /** What the request path asks on every signed-in request: one indexed lookup each. */
    positionsOf: (personId: string) => ofPerson.all(personId),
    actingInForce: (personId: string, today: string): boolean => actingInForce.get(personId, today, today) !== undefined,
    tableStamp: () => table.get(),
    caseById: (id: string): StaffCaseRow | undefined => {
      const row = caseById.get(id);
      return row === undefined ? undefined : staffCaseRow.parse(row);
    },
    cases: (): StaffCaseRow[] => cases.all().map((r) => staffCaseRow.parse(r)),
    designationById: (id: string): ActingDesignationRow | undefined => {
      const row = designationById.get(id);
      return row === undefined ? undefined : actingDesignationRow.parse(row);
    },
    /** A designation still in force whose days meet [startsOn, endsOn], other than `exceptId`. */
    designationOverlapping: (startsOn: string, endsOn: string, exceptId: string): ActingDesignationRow | undefined => {
      const row = designationOverlapping.get(endsOn, startsOn, exceptId);
      return row ? actingDesignationRow.parse(row) : undefined;
    },
    designations: (): ActingDesignationRow[] => designations.all().map((r) => actingDesignationRow.parse(r)),
  };
}
export type StaffingQueries = ReturnType<typeof createStaffingQueries>;
