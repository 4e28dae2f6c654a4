/**
 * Compile-time check that what the server promises (src/shared/api-schemas.ts)
 * fits what the app parses (./schemas.ts): if the contract changes in a way the
 * app does not accept, `tsc -p web` fails here rather than a page at run time.
 */
import type {
  AuthResponse,
  CycleView,
  EntityView,
  HistoryPoint,
  OfficeView,
  ResultView,
  UnitView,
  UserView,
} from '@shared/api-schemas.ts';
import type { z } from 'zod';
import type {
  cycleSchema,
  entitySchema,
  historyPointSchema,
  officeSchema,
  resultSchema,
  sessionSchema,
  unitRowSchema,
  userSchema,
} from './schemas';

/** `true` when every answer the server may give is one the app parses; `never` (a type error) when not. */
export type Fits<Server, App> = Server extends App ? true : never;

export const contractFits: [
  Fits<CycleView, z.input<typeof cycleSchema>>,
  Fits<ResultView, z.input<typeof resultSchema>>,
  Fits<HistoryPoint, z.input<typeof historyPointSchema>>,
  Fits<AuthResponse['data'], z.input<typeof sessionSchema>['data']>,
  Fits<UserView, z.input<typeof userSchema>>,
  Fits<UnitView, z.input<typeof unitRowSchema>>,
  Fits<OfficeView, z.input<typeof officeSchema>>,
  Fits<EntityView, z.input<typeof entitySchema>>,
] = [true, true, true, true, true, true, true, true];
