// The demo's modules, loaded in this order: each file adds one module's records to the university.
// A new module adds its file here (later ones may use what earlier ones left in `facts`).
import type { DemoContext } from './context.ts';
import { accreditationDemo } from './accreditation.ts';
import { documentsDemo } from './documents.ts';
import { licensingDemo } from './licensing.ts';
import { organisationDemo } from './organisation.ts';
import { qualityDemo } from './quality.ts';
import { rankingsDemo } from './rankings.ts';
import { ratingsDemo } from './ratings.ts';
import { secretariatDemo } from './secretariat.ts';
import { strategyDemo } from './strategy.ts';
import { surveysDemo } from './surveys.ts';

export type DemoModule = { name: string; load(demo: DemoContext): Promise<void> };

export const demoModules: DemoModule[] = [
  organisationDemo,
  licensingDemo,
  accreditationDemo,
  strategyDemo,
  ratingsDemo,
  documentsDemo,
  qualityDemo,
  rankingsDemo,
  secretariatDemo,
  surveysDemo,
];
