// `npm run token`: a development token for any role, signed with the secret the hub verifies
// (SAPAT_JWT_SECRET, or the development secret in the data directory), so every role can be tried
// in GraphiQL and by hand. Refused in production and beside an identity provider: there, tokens
// come from the university's sign-in, never from a file on the server.
import { signToken } from '../auth/tokens.ts';
import { developmentSecret } from '../dev-secret.ts';
import { actorSchema, roleSchema, type Actor } from '../domain/decider.ts';
import { parseFlags, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run token -- --role <role> [--role <role>]... --name <name> [--unit <unit>] [--id <id>] [--expires <span>]

Prints a development token (HS256, signed with SAPAT_JWT_SECRET or the development secret of
SAPAT_DATA_DIR) on stdout; send it as "Authorization: Bearer <token>".

  --role <role>      a role of the department (repeatable): ${roleSchema.options.join(', ')}
  --name <name>      the display name events record, e.g. "Aibek Sadykov"
  --unit <unit>      the faculty, college or chair; required for unit_head and teacher
  --id <id>          the user id (sub); default: derived from the name
  --expires <span>   how long it is valid: 30m, 12h, 7d (default 12h)

Example: npm run token -- --role teacher --unit "Chair of Economics" --name "Aibek Sadykov"

Refused when NODE_ENV=production or SAPAT_JWT_JWKS_URL is set (tokens then come from the identity provider).
Exit status: 0 printed, 2 bad usage or refused.`;

const flags = {
  role: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  name: { type: 'string' as const },
  unit: { type: 'string' as const },
  id: { type: 'string' as const },
  expires: { type: 'string' as const, default: '12h' },
};

const needsUnit = new Set(['unit_head', 'teacher']);

const idFrom = (name: string): string =>
  `dev-${
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'user'
  }`;

function actorOf(values: ReturnType<typeof parseFlags<typeof flags>>): Actor {
  if (values.role.length === 0) throw new UsageError(`--role is required: one of ${roleSchema.options.join(', ')}`);
  for (const role of values.role) {
    if (!roleSchema.safeParse(role).success) throw new UsageError(`--role ${role}: not a role of the hub; one of ${roleSchema.options.join(', ')}`);
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required: the display name the events will record');
  const unit = values.unit?.trim();
  const unitless = values.role.find((role) => needsUnit.has(role));
  if (unitless && !unit) throw new UsageError(`--unit is required with --role ${unitless}: the faculty, college or chair they belong to`);
  if (!/^\d+[smhdw]$/.test(values.expires)) throw new UsageError(`--expires ${values.expires}: a number and a unit, e.g. 30m, 12h, 7d`);
  return actorSchema.parse({ id: values.id ?? idFrom(name), name, roles: values.role, ...(unit ? { unit } : {}) });
}

async function main(argv: string[]): Promise<number> {
  const values = parseFlags('token', argv, flags);
  const config = toolConfig();
  if (config.env === 'production')
    throw new UsageError(
      'refused in production (NODE_ENV=production): tokens there come from the identity provider or whoever keeps SAPAT_JWT_SECRET, not from the server',
    );
  if (config.jwt.jwksUrl)
    throw new UsageError('refused: the hub takes RS256 tokens from the identity provider at SAPAT_JWT_JWKS_URL, and would not accept one signed here');
  const actor = actorOf(values);
  const secret = config.jwt.secret ?? developmentSecret(config);
  console.log(await signToken({ secret, issuer: config.jwt.issuer, audience: config.jwt.audience }, actor, values.expires));
  console.error(
    `Token for ${actor.name} (${actor.id}; ${actor.roles.join(', ')}${actor.unit ? `; unit ${actor.unit}` : ''}), valid ${values.expires}. Header: {"Authorization": "Bearer <token>"}`,
  );
  return 0;
}

runTool('token', usage, main);
