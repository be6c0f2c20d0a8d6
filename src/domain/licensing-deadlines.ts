// Licensing's dates in the department's list of deadlines: a licence with a time limit is due for
// renewal by the last day of its validity. Its expiry closes the item; a revocation drops it.
import type { DueDateSource } from '../automation/contracts.ts';
import { licenseCategory } from './licensing.ts';

const validityKey = (licenseId: string) => `license:${licenseId}:validity`;
const licenseIdOf = (stream: string) => stream.slice(licenseCategory.length + 1);

export const licensingDueDates: DueDateSource = {
  module: 'licensing',
  eventTypes: ['LicenseApplied', 'LicenseGranted', 'LicenseExpired', 'LicenseRevoked'],
  kindLabels: {
    license_validity: { ky: 'Лицензиянын мөөнөтү', ru: 'Срок действия лицензии', en: 'Licence validity' },
  },
  changes(event) {
    const licenseId = licenseIdOf(event.stream);
    switch (event.type) {
      case 'LicenseApplied': {
        const programme = event.data.programme as { faculty: string };
        return [{ action: 'concerns', entityType: 'License', entityId: licenseId, unit: programme.faculty }];
      }
      case 'LicenseGranted': {
        const validUntil = event.data.validUntil;
        if (typeof validUntil !== 'string') return [];
        const title = `Licence ${String(event.data.licenseNumber)} valid until ${validUntil}: renew or record its end`;
        return [{ action: 'due', key: validityKey(licenseId), kind: 'license_validity', title, dueOn: validUntil, entityType: 'License', entityId: licenseId }];
      }
      case 'LicenseExpired':
        return [{ action: 'done', key: validityKey(licenseId), on: String(event.data.expiredOn) }];
      case 'LicenseRevoked':
        return [{ action: 'dropped', key: validityKey(licenseId) }];
      default:
        return [];
    }
  },
};
