/** Kysely table types: the database's rows, kept apart from domain types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionalOfficeTable {
  id: Generated<number>;
  code: string;
  name: string;
  province_code: string;
}

export interface EntityTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: string;
  province_code: string | null;
  aliases: JSONColumnType<string[]>;
  active: Generated<boolean>;
}

export interface CycleTable {
  id: Generated<number>;
  year: number;
  /** instrument edition; null for a cycle known only by its published results */
  edition: string | null;
  band_scheme: string;
  status: string;
  settings: JSONColumnType<{ serviceUsersPerUnit?: number; objectionDays?: number }>;
  created_at: Generated<Timestamp>;
}

export interface UnitTable {
  id: Generated<number>;
  cycle_id: number;
  entity_id: number;
  name: string;
  name_key: string;
  kind: string | null;
  active: Generated<boolean>;
  synthetic: Generated<boolean>;
}

export interface RespondentTable {
  id: Generated<number>;
  unit_id: number;
  key: string;
  kind: string;
}

export interface AnswerTable {
  id: Generated<string>;
  cycle_id: number;
  unit_id: number;
  indicator: string;
  /** '' for observation and document items */
  respondent: string;
  /** 0..3; null = not applicable */
  value: number | null;
  answered_by: string;
  answered_at: Timestamp;
}

export interface PublishedEntityResultTable {
  cycle_id: number;
  entity_id: number;
  score: number;
  source: string;
  imported_at: Generated<Timestamp>;
}

export interface PublishedUnitResultTable {
  cycle_id: number;
  entity_id: number;
  unit_id: number;
  score: number;
}

export interface ComputedUnitResultTable {
  cycle_id: number;
  unit_id: number;
  entity_id: number;
  score: number | null;
  complete: boolean;
  required: number;
  answered: number;
  dimensions: JSONColumnType<Array<{ code: string; score: number | null }>>;
  computed_at: Generated<Timestamp>;
}

export interface ComputedEntityResultTable {
  cycle_id: number;
  entity_id: number;
  score: number | null;
  complete: boolean;
  scored_units: number;
  computed_at: Generated<Timestamp>;
}

export interface DB {
  regional_offices: RegionalOfficeTable;
  entities: EntityTable;
  cycles: CycleTable;
  units: UnitTable;
  respondents: RespondentTable;
  answers: AnswerTable;
  published_entity_results: PublishedEntityResultTable;
  published_unit_results: PublishedUnitResultTable;
  computed_unit_results: ComputedUnitResultTable;
  computed_entity_results: ComputedEntityResultTable;
}
