// A status or kind as a person reads it: the value's label in Kyrgyz, Russian or English, in the
// language asked for or the request's Accept-Language. Every module's `…Label` fields use it.
import type { ObjectFieldBuilder } from '@pothos/core';
import type { Labels } from '../src/domain/values.ts';
import type { Types } from './builder.ts';
import { languageArg } from './language.ts';

export function labelField<Parent>(t: ObjectFieldBuilder<Types, Parent>, labels: Labels<string>, valueIn: (parent: Parent) => string) {
  return t.string({
    description: 'The value in Kyrgyz, Russian or English.',
    args: { language: languageArg(t.arg) },
    resolve: (parent, args, context) => {
      const value = valueIn(parent);
      return labels[value]?.[args.language ?? context.language] ?? value;
    },
  });
}
