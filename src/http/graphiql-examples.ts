// Example operations, one or more per module: GraphiQL opens with each in a tab of its own, and the
// schema's description of the query or mutation each one demonstrates ends with it (schema/examples.ts),
// so what a newcomer reads in the Docs panel is what they can run. On the demo university
// (`npm run demo`) every query answers with data; test/demo.test.ts runs them all against it.

export type ExampleOperation = {
  /** The tab's name in GraphiQL and the example's title in the Docs panel. */
  title: string;
  /** The root field the example demonstrates, e.g. Query.licenses. */
  field: `${'Query' | 'Mutation'}.${string}`;
  query: string;
  /** Variables as GraphiQL's variables editor shows them (JSON). */
  variables?: Record<string, unknown>;
};

/** What a newcomer sees first: Sapat's licence registry, not GraphiQL's generic welcome text. */
export const exampleQuery = `# Sapat: the department's GraphQL hub. Run this with Ctrl+Enter; the Docs panel describes every field.
# Each tab holds an example of one module. With the demo university (npm run demo) they all answer with data.
# The licence registry, ten licences at a time: continue with licenses(first: 10, after: "<endCursor>").
query LicenceRegistry {
  licenses(first: 10) {
    edges {
      node {
        licenseNumber
        programmeCode
        programmeName { text }
        faculty
        statusLabel
        validUntil
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export const exampleOperations: ExampleOperation[] = [
  { title: 'Licences', field: 'Query.licenses', query: exampleQuery },
  {
    title: 'Licences expiring',
    field: 'Query.licenses',
    query: `# Licences in force or suspended whose validity ends before a date, with the faculty and programme.
query LicencesExpiring($before: Date!) {
  licenses(first: 20, filter: { statuses: [ACTIVE, SUSPENDED], expiringBefore: $before }) {
    edges { node { licenseNumber programmeCode programmeName { ru en } faculty statusLabel(language: EN) validUntil } }
  }
}
`,
    variables: { before: '2031-12-31' },
  },
  {
    title: 'Programmes',
    field: 'Query.programmes',
    query: `# Every programme (code, level, form of study) with whether it may run: licensed, and how it is accredited.
query Programmes {
  programmes(first: 20) {
    edges { node { code name { text } level formOfStudy faculty licensed accredited mayRun } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    title: 'Accreditation',
    field: 'Query.accreditations',
    query: `# Accreditation cases with their stage, agency and recommendations.
query AccreditationCases {
  accreditations(first: 20) {
    edges {
      node {
        kindLabel(language: EN)
        stageLabel(language: EN)
        agencyName
        programmeCodes
        faculty
        appliedOn
        outcomeLabel(language: EN)
        validUntil
        recommendations { number text statusLabel(language: EN) }
      }
    }
  }
}
`,
  },
  {
    title: 'Strategy dashboard',
    field: 'Query.indicators',
    query: `# The strategic plan's indicators for a year: latest value against the target, status, open corrective actions.
query StrategyDashboard($year: Int) {
  indicators(year: $year, first: 20) {
    edges {
      node {
        indicator { code name { text } ownerUnit }
        period
        latestValue
        target { value min max }
        statusLabel(language: EN)
        needsCorrectiveAction
        openCorrectiveActions
      }
    }
  }
}
`,
  },
  {
    title: 'Off-track indicators',
    field: 'Query.indicators',
    query: `# Only the indicators off track, with every measured value and the deviations recorded.
query OffTrack {
  indicators(first: 20, filter: { statuses: [OFF_TRACK] }) {
    edges { node { indicator { code name { en } deviations { period } measurements { period value status } } ratio } }
  }
}
`,
  },
  {
    title: 'Corrective actions',
    field: 'Query.correctiveActions',
    query: `# Corrective actions still open (planned or started), overdue ones included.
query OpenCorrectiveActions {
  correctiveActions(first: 20, filter: { open: true }) {
    edges { node { problem action ownerUnit dueOn overdue statusLabel(language: EN) indicator { code } } }
  }
}
`,
  },
  {
    title: 'Rating campaigns',
    field: 'Query.ratingCampaigns',
    query: `# Teaching-staff rating campaigns: status, counts of entries and, once published, each unit's summary.
query RatingCampaigns {
  ratingCampaigns(first: 5) {
    edges {
      node {
        year
        title { text }
        statusLabel(language: EN)
        entriesDue
        appealsUntil
        entryCounts { draft submitted returned verified }
        unitSummaries { unit rankedEntries averageTotal highestTotal }
      }
    }
  }
}
`,
  },
  {
    title: 'Rating entries',
    field: 'Query.ratingEntries',
    query: `# Verified rating entries, best first, with ranks (personal data: the department, the rector, auditors and the entry's own teacher and unit head read it).
query RatingEntries {
  ratingEntries(first: 10, filter: { statuses: [VERIFIED] }) {
    edges { node { teacherName unit total unitRank universityRank statusLabel(language: EN) appeal { status } } }
  }
}
`,
  },
  {
    title: 'Documents',
    field: 'Query.documents',
    query: `# The department's normative documents: status, version in force and the next review.
query NormativeDocuments {
  documents(first: 20) {
    edges { node { code title { text } documentTypeLabel(language: EN) statusLabel(language: EN) versionInForce nextReviewDue reviewOverdue } }
  }
}
`,
  },
  {
    title: 'Monitoring',
    field: 'Query.monitorings',
    query: `# Quality monitorings of faculties, colleges and programmes, with findings and recommendations.
query Monitorings {
  monitorings(first: 10) {
    edges {
      node {
        title
        objectName
        statusLabel(language: EN)
        findings { code kind description }
        recommendations { code text responsibleUnit dueOn latestFollowUp }
      }
    }
  }
}
`,
  },
  {
    title: 'SWOT, proposals, quality plan',
    field: 'Query.qualityPlans',
    query: `# What monitoring leads to: SWOT analyses, the department's proposals and the quality plan's actions.
query QualityImprovement {
  swotAnalyses(first: 5) { edges { node { title scope statusLabel(language: EN) strengths weaknesses } } }
  proposals(first: 5) { edges { node { title statusLabel(language: EN) decidedBy } } }
  qualityPlans(first: 5) { edges { node { title statusLabel(language: EN) completion actions { code action statusLabel(language: EN) dueOn } } } }
}
`,
  },
  {
    title: 'Rankings',
    field: 'Query.rankings',
    query: `# The university in national and international rankings: the latest position, the trend, the current submission.
query Rankings {
  rankings(first: 10) {
    edges { node { shortName kindLabel(language: EN) trend currentSubmissionStatus latestResult { publishedOn rank band rankChange } } }
  }
}
`,
  },
  {
    title: 'Staffing table',
    field: 'Query.staffingTable',
    query: `# The department's positions as the regulation sets them: who holds each, since when, or vacant.
query StaffingTable {
  staffingTable { unitLabel(language: EN) positionLabel(language: EN) rate filled personName since orderNumber }
}
`,
  },
  {
    title: 'Data requests',
    field: 'Query.dataRequests',
    query: `# What the department asked the faculties and offices for, soonest due first; overdue ones flagged by the clock.
query DataRequests {
  dataRequests(first: 10) {
    edges { node { subject unit dueOn statusLabel(language: EN) overdue responses { answeredOn late } } }
  }
}
`,
  },
  {
    title: 'Surveys',
    field: 'Query.surveys',
    query: `# Survey rounds of the assessment instruments: who was asked, how many answered, and the results.
query Surveys {
  surveys(first: 10) {
    edges { node { title targetGroupLabel(language: EN) statusLabel(language: EN) invitedCount responseCount responseRate } }
  }
}
`,
  },
  {
    title: 'Deadlines',
    field: 'Query.deadlines',
    query: `# What falls due across every module (licences, accreditation, documents, actions, ratings), soonest first.
query Deadlines {
  deadlines(first: 20, done: false) {
    edges { node { title kindLabel(language: EN) module dueOn daysLeft overdue unit } }
  }
}
`,
  },
  {
    title: 'The log',
    field: 'Query.events',
    query: `# The event log itself: who did what and when, with the hash chain that makes it tamper-evident.
query LatestEvents {
  events(first: 10) {
    events { type stream occurredAt actor { name roles } hash prevHash }
    hasNextPage
    endCursor
  }
}
`,
  },
  {
    title: 'Submit a proposal',
    field: 'Mutation.submitProposal',
    query: `# A mutation: the department submits a proposal to the rector. It answers with the proposal as the
# read model shows it, or a typed error (a ValidationError names the field and the rule).
mutation SubmitProposal($input: SubmitProposalInput!) {
  submitProposal(input: $input) {
    __typename
    ... on ProposalPayload { proposal { proposalId title statusLabel(language: EN) submittedOn } }
    ... on ValidationError { message issues { path message } }
    ... on Error { message }
  }
}
`,
    variables: {
      input: {
        title: 'Single syllabus template',
        summary: 'Monitoring found syllabi reach students late; one template published in AVN for every programme.',
        bases: ['MONITORING_DATA'],
        addressedTo: 'Rector',
        submittedOn: '2026-01-15',
      },
    },
  },
  {
    title: 'Apply for a licence',
    field: 'Mutation.applyForLicense',
    query: `# A mutation: the accreditation sector applies for a licence for a programme (code, level, form of study).
mutation ApplyForLicence($input: ApplyForLicenseInput!) {
  applyForLicense(input: $input) {
    __typename
    ... on LicensePayload { license { licenseId programmeCode statusLabel(language: EN) } }
    ... on DomainRuleError { code message }
    ... on ValidationError { message issues { path message } }
    ... on Error { message }
  }
}
`,
    variables: {
      input: {
        programme: {
          code: '710300',
          name: { ky: 'Маалыматтык коопсуздук', ru: 'Информационная безопасность', en: 'Information Security' },
          level: 'BACHELOR',
          formOfStudy: 'FULL_TIME',
          faculty: 'Higher School of Information Technology',
        },
        requestedCapacity: 100,
        submittedOn: '2026-01-20',
      },
    },
  },
];
