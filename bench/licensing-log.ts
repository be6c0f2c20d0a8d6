// A licensing event log of any size, written straight into an embedded store: licences applied for,
// examined, granted and then amended year after year, as the department's registry grows. The
// events are the ones the licensing decider emits (same types and data shapes, same metadata), so
// the projections fold them as they fold the hub's own; only the command pipeline is skipped,
// which would take most of an hour for a million events.
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventMetadata, NewEvent } from '../src/eventstore/types.ts';
import { eventVersions } from '../src/modules.ts';

const actor = { id: 'bench-head', name: 'Bench Head of Sector', roles: ['head_of_accreditation_sector'] };

/** Written at each type's current version, as the command pipeline writes them. */
function metadata(type: string): EventMetadata {
  const commandId = randomUUID();
  const schemaVersion = eventVersions.currentVersion(type);
  return { actor, commandId, correlationId: commandId, causationId: commandId, occurredAt: '2026-01-15T09:00:00.000Z', schemaVersion } as EventMetadata;
}

const event = (type: string, data: Record<string, unknown>): NewEvent => ({ id: randomUUID(), type, data, metadata: metadata(type) });

/** The events of licence `i`: its application, examination and grant, then amendments up to `size`. */
function licenceStream(i: number, size: number): NewEvent[] {
  const licenseId = `bench${String(i).padStart(8, '0')}`;
  const events = [
    event('LicenseApplied', {
      licenseId,
      programme: {
        code: String(100000 + (i % 900000)),
        name: { ky: 'Программа', ru: 'Программа', en: 'Programme' },
        level: ['bachelor', 'master', 'specialist'][i % 3],
        formOfStudy: ['full_time', 'part_time'][i % 2],
        faculty: `Faculty ${i % 12}`,
      },
      requestedCapacity: 50 + (i % 100),
      submittedOn: '2010-01-15',
    }),
    event('ExpertGroupFormed', {
      licenseId,
      kind: 'expert_group',
      members: [
        { name: 'Expert Chair', role: 'chair' },
        { name: 'Expert Member', role: 'member' },
      ],
      formedOn: '2010-02-01',
    }),
    event('ExpertConclusionRecorded', { licenseId, outcome: 'positive', summary: 'Meets the licensing requirements.', concludedOn: '2010-03-01' }),
    event('LicenseGranted', {
      licenseId,
      licenseNumber: `LS-${i}`,
      appendixNumber: `A-${i}`,
      grantedOn: '2010-04-01',
      validUntil: null,
      capacity: 50 + (i % 100),
    }),
  ];
  for (let a = 0; events.length < size; a++) {
    // Monthly from 2011; a very long stream stays within 2025, so no step is dated after "now".
    const year = Math.min(2011 + Math.floor(a / 12), 2025);
    const month = String((a % 12) + 1).padStart(2, '0');
    events.push(event('LicenseAmended', { licenseId, capacity: 60 + (a % 90), reason: 'Capacity revised.', amendedOn: `${year}-${month}-01` }));
  }
  return events.slice(0, size);
}

/** Writes `total` events (10 per licence) into a new store at `path`; returns how many licences. */
export async function writeLicensingLog(path: string, total: number, eventsPerLicence = 10): Promise<number> {
  // NORMAL: generating the log is not what is measured, and a power cut only loses the benchmark.
  const store = openSqliteEventStore({ path, synchronous: 'NORMAL' });
  try {
    let licences = 0;
    for (let written = 0; written < total; written += eventsPerLicence) {
      await store.append(
        `license-bench${String(licences).padStart(8, '0')}`,
        licenceStream(licences, Math.min(eventsPerLicence, total - written)),
        'no_stream',
      );
      licences++;
    }
    return licences;
  } finally {
    await store.close();
  }
}
