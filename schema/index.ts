// Assembles the schema: the root types, then every module file, then the printed SDL's source.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './licensing.ts';
import './ratings.ts';
import './rating-changes.ts';
import './rating-mutations.ts';
import './documents.ts';
import './education-standards.ts';
import './quality.ts';
import './indicators.ts';
import './strategy.ts';
import './corrective-actions.ts';
import './monitoring.ts';
import './swot-analyses.ts';
import './proposals.ts';
import './quality-plans.ts';
import './surveys.ts';
import './agencies.ts';
import './evidence.ts';
import './accreditation.ts';
import './accreditation-mutations.ts';
import './rankings.ts';
import './ranking-mutations.ts';
import './ranking-cooperation.ts';
import './ranking-changes.ts';
import './programmes.ts';
import './audit.ts';
import './events.ts';
import './read-models.ts';
import './automation.ts';
import './deadlines.ts';
import './webhooks.ts';
import './secretariat.ts';
import './languages.ts';
import './organisation.ts';
import './organisation-mutations.ts';
import './organisation-changes.ts';
import { withExamples } from './examples.ts';

builder.queryType({ description: 'Read models of the department: registries, indicators, ratings and their history.' });
builder.mutationType({ description: 'One mutation per departmental action (command). Each answers with the updated read model or a typed error.' });

export const schema: GraphQLSchema = withExamples(builder.toSchema());

/** The SDL as committed in schema/schema.graphql: sorted, so that diffs show real changes only. */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
