// Licensing on the hub's clock: a licence with a time limit expires by itself. When its validity
// ends (the start of the day after validUntil, Kyrgyzstan time) the clock records the expiry as the
// system actor; a revocation or an expiry recorded by hand first cancels the moment.
// `recordLicenseExpiry` stays a command staff may send, e.g. to record an expiry the hub missed.
import type { ClockRule } from '../automation/contracts.ts';
import { dayAfter, startOfKyrgyzDay } from './kyrgyz-time.ts';

/** What the system actor may send in licensing (its row in the permission matrix). */
export const licensingFollowUpCommands = ['recordLicenseExpiry'] as const;

const expiryKey = (licenseId: string) => `license:${licenseId}:expiry`;

export const licenseExpiryRule: ClockRule = {
  name: 'license-expiry',
  eventTypes: ['LicenseGranted', 'LicenseRevoked', 'LicenseExpired'],
  changes(event) {
    const licenseId = String(event.data.licenseId);
    if (event.type !== 'LicenseGranted') return [{ action: 'cancel', key: expiryKey(licenseId) }];
    const validUntil = event.data.validUntil;
    if (typeof validUntil !== 'string') return [];
    const expiredOn = dayAfter(validUntil);
    return [
      {
        action: 'at',
        key: expiryKey(licenseId),
        at: startOfKyrgyzDay(expiredOn),
        followUp: { command: 'recordLicenseExpiry', input: { licenseId, expiredOn } },
      },
    ];
  },
};
