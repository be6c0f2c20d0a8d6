// The `language` argument of every label and multilingual text: one definition, one description.
import type { ArgBuilder } from '@pothos/core';
import { languageSchema } from '../src/domain/values.ts';
import type { Types } from './builder.ts';
import { enumFor } from './zod-types.ts';

export const LanguageEnum = enumFor(languageSchema);

/** Use as `args: { language: languageArg(t.arg) }`. */
export const languageArg = (arg: ArgBuilder<Types>) =>
  arg({ type: LanguageEnum, required: false, description: "The language to answer in; the request's Accept-Language when omitted (Kyrgyz by default)." });
