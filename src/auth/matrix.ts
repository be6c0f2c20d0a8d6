// The permission matrix as the README prints it: every command against every role of the
// regulation's staffing. Generated from the same tables the hub enforces, and a test fails when the
// README's copy drifts from them.
import { roleSchema } from '../domain/decider.ts';
import { staffPositions, unitOfPosition } from '../domain/organisation-units.ts';
import { commandPermissions, commandScopes, type CommandName } from './permissions.ts';

export function permissionMatrixMarkdown(): string {
  const roles = roleSchema.options;
  const header = `| Command | ${roles.join(' | ')} | Limits |`;
  const rule = `| --- | ${roles.map(() => ':---:').join(' | ')} | --- |`;
  const rows = (Object.keys(commandPermissions) as CommandName[]).map((command) => {
    const allowed: readonly string[] = commandPermissions[command];
    return `| \`${command}\` | ${roles.map((r) => (allowed.includes(r) ? '✓' : '')).join(' | ')} | ${commandScopes[command] ?? ''} |`;
  });
  return [header, rule, ...rows, '', ...derivedRolesMarkdown()].join('\n');
}

/** Roles a person has without a token claim: from the positions they hold and an acting designation in force (src/auth/derived-roles.ts). */
function derivedRolesMarkdown(): string[] {
  return [
    '| Held now, by the hub’s records (token `sub`) | Roles added | Unit |',
    '| --- | --- | --- |',
    ...staffPositions.map((position) => `| position \`${position}\` on the staffing table | \`${position}\` | ${unitOfPosition[position]} |`),
    '| designation as acting director, on its days (hub clock, Kyrgyzstan) | `acting_director`, `director` | department |',
  ];
}
