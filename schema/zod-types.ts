// GraphQL types made from the domain's zod schemas, so a command's fields, their descriptions and
// enums are written once (in src/domain) and the SDL follows. Zod keeps the rules (lengths, ranges,
// calendar dates, cross-field refinements) and reports breaches with field paths; GraphQL gives
// frontends the shape and the documentation.
import type { InputFieldRef, InputFieldBuilder, EnumRef, InputObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { Labels } from '../src/domain/values.ts';
import { builder, type Types } from './builder.ts';

type AnySchema = z.core.$ZodType;
/** What the zod registry may say about a schema; `values` describes an enum's values that have no labels. */
type Meta = { id?: string; description?: string; labels?: Labels<string>; values?: Record<string, string> };

/** Meta of a schema, looking through clones (`.describe()`, `.optional()` wrappers keep a parent). */
function metaOf(schema: AnySchema): Meta {
  const merged: Meta = {};
  for (let s: AnySchema | undefined = schema; s; s = (s._zod as { parent?: AnySchema }).parent) {
    const meta = (z.globalRegistry.get(s) ?? {}) as Meta;
    merged.id ??= meta.id;
    merged.description ??= meta.description;
    merged.labels ??= meta.labels;
    merged.values ??= meta.values;
  }
  return merged;
}

const def = (schema: AnySchema) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;

/** GraphQL enum values are the domain values in upper case: `full_time` → `FULL_TIME`. */
export const enumValueName = (value: string): string => value.toUpperCase();

const enums = new Map<string, EnumRef<Types, string, string>>();
const enumLabels = new Map<string, Labels<string> | undefined>();

/** The labels of a GraphQL enum made by enumFor, by its name (test/languages.test.ts walks them all). */
export const labelsOfEnum = (name: string): Labels<string> | undefined => enumLabels.get(name);

/** A value's description: its labels in the three languages, then what it means, from the registry. */
function valueDescription(meta: Meta, value: string): string {
  const label = meta.labels?.[value];
  const named = label ? `${label.en} (ky: ${label.ky}; ru: ${label.ru})` : undefined;
  const meaning = meta.values?.[value];
  const description = named && meaning ? `${named}: ${meaning}` : (named ?? meaning);
  if (!description) throw new Error(`enum ${meta.id}: the value ${value} needs labels or a description in .meta({ labels }) or .meta({ values })`);
  return description;
}

/** The GraphQL enum of a zod enum (created once per meta id), every value described from the registry. */
export function enumFor<Value extends string>(schema: z.ZodEnum<Record<string, Value>> | AnySchema): EnumRef<Types, Value, Value> {
  const meta = metaOf(schema);
  if (!meta.id) throw new Error('an enum exposed in GraphQL needs .meta({ id })');
  const existing = enums.get(meta.id);
  if (existing) return existing as unknown as EnumRef<Types, Value, Value>;
  const values = Object.values(def(schema).entries as Record<string, Value>);
  const ref = builder.enumType(meta.id, {
    ...(meta.description ? { description: meta.description } : {}),
    values: Object.fromEntries(values.map((value) => [enumValueName(value), { value, description: valueDescription(meta, value) }])),
  }) as unknown as EnumRef<Types, Value, Value>;
  enums.set(meta.id, ref as unknown as EnumRef<Types, string, string>);
  enumLabels.set(meta.id, meta.labels);
  return ref;
}

const inputObjects = new Map<string, InputObjectRef<Types, unknown>>();

type InputType = string | EnumRef<Types, string, string> | InputObjectRef<Types, unknown> | [InputType];
type Unwrapped = { schema: AnySchema; required: boolean; description: string | undefined };

/** Strip optional/nullable/default wrappers, remembering whether the field may be left out. */
function unwrap(schema: AnySchema): Unwrapped {
  let description = metaOf(schema).description;
  let required = true;
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') {
      required = false;
      s = d.innerType as AnySchema;
    } else if (d.type === 'pipe') s = d.in as AnySchema;
    else break;
    description ??= metaOf(s).description;
  }
  return { schema: s, required, description };
}

function inputTypeOf(schema: AnySchema, nameHint: string): InputType {
  const d = def(schema);
  switch (d.type) {
    case 'string':
      return d.format === 'date' || metaOf(schema).id === 'Date' ? 'Date' : d.format === 'uuid' ? 'ID' : 'String';
    case 'number':
      return d.format === 'safeint' || d.format === 'int32' ? 'Int' : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'enum':
      return enumFor(schema) as EnumRef<Types, string, string>;
    case 'array':
      return [inputTypeOf(unwrap(d.element as AnySchema).schema, nameHint)];
    case 'object':
      return inputObjectFor(schema as z.ZodObject, `${metaOf(schema).id ?? nameHint}Input`);
    default:
      throw new Error(`no GraphQL input type for zod type ${d.type} (${nameHint})`);
  }
}

function inputObjectFor(schema: z.ZodObject, name: string): InputObjectRef<Types, unknown> {
  const existing = inputObjects.get(name);
  if (existing) return existing;
  const meta = metaOf(schema);
  const ref = builder.inputType(name, {
    ...(meta.description ? { description: meta.description } : {}),
    fields: (t) => inputFieldsOf(t as InputFieldBuilder<Types, 'InputObject'>, schema, name.replace(/Input$/, '')),
  }) as unknown as InputObjectRef<Types, unknown>;
  inputObjects.set(name, ref);
  return ref;
}

const capitalise = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** Input fields for every property of a zod object: use it inside `fields: (t) => ...`. */
export function inputFieldsOf(
  t: InputFieldBuilder<Types, 'InputObject'> | InputFieldBuilder<Types, 'Arg'>,
  schema: z.ZodObject,
  typeName: string,
): Record<string, InputFieldRef<Types, unknown>> {
  const fields: Record<string, InputFieldRef<Types, unknown>> = {};
  for (const [key, property] of Object.entries(schema.shape)) {
    const { schema: inner, required, description } = unwrap(property as AnySchema);
    const type = inputTypeOf(inner, `${typeName}${capitalise(key)}`);
    const isList = Array.isArray(type);
    fields[key] = (t.field as (options: object) => InputFieldRef<Types, unknown>)({
      type: isList ? type : type,
      required: isList ? { list: required, items: true } : required,
      ...(description ? { description } : {}),
    });
  }
  return fields;
}

/** The object schema beneath refinements (`.refine()` keeps the object as the pipe's input). */
export function objectOf(schema: AnySchema): z.ZodObject {
  const d = def(schema);
  if (d.type === 'object') return schema as z.ZodObject;
  if (d.type === 'pipe') return objectOf(d.in as AnySchema);
  throw new Error(`expected a zod object schema, got ${d.type}`);
}
