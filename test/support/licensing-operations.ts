// The operations a licensing frontend sends, shared by the GraphQL and HTTP tests.
export const PAYLOAD = `
  __typename
  ... on LicensePayload { revision position replayed license { id licenseId status capacity revision licenseNumber validUntil } }
  ... on Error { message }
  ... on ValidationError { issues { path message } }
  ... on DomainRuleError { code }
  ... on NotFoundError { entity id }
  ... on ConcurrencyError { expectedRevision actualRevision }
`;

export const mutation = (name: string, inputType: string) => `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ${PAYLOAD} } }`;

export const APPLY = mutation('applyForLicense', 'ApplyForLicenseInput');
export const FORM_GROUP = mutation('formExpertGroup', 'FormExpertGroupInput');
export const CONCLUDE = mutation('recordExpertConclusion', 'RecordExpertConclusionInput');
export const GRANT = mutation('grantLicense', 'GrantLicenseInput');
export const AMEND = mutation('amendLicense', 'AmendLicenseInput');
export const SUSPEND = mutation('suspendLicense', 'SuspendLicenseInput');
export const RESUME = mutation('resumeLicense', 'ResumeLicenseInput');
export const REVOKE = mutation('revokeLicense', 'RevokeLicenseInput');
export const EXPIRE = mutation('recordLicenseExpiry', 'RecordLicenseExpiryInput');

export const REGISTRY = `
  query Registry($filter: LicenseFilter, $orderBy: LicenseOrder, $first: Int, $after: String, $last: Int, $before: String) {
    licenses(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id licenseId programmeCode status capacity validUntil faculty level } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
