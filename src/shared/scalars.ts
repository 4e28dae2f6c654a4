/**
 * The scalar schemas every request uses (issue 12, finding 6), each defined once:
 * ids and counts that fit the database's 32-bit integer (a larger one would pass
 * zod and fail in PostgreSQL), and calendar dates that exist (2025-02-30 does not).
 * Imports nothing but zod, like the other shared files.
 */
import { z } from 'zod';

/** The largest value of a PostgreSQL integer (int4, serial). */
export const INT4_MAX = 2_147_483_647;
const tooLarge = { message: `at most ${INT4_MAX}` };

/** An id in a JSON body: a whole number from 1 to 2147483647. */
export const int4Id = z.number().int().positive().max(INT4_MAX, tooLarge);
/** An id in a path or a query (text, read as a number). */
export const int4IdParam = z.coerce.number().int().positive().max(INT4_MAX, tooLarge);
/** A count or version from 0 (in a JSON body). */
export const int4Count = z.number().int().min(0).max(INT4_MAX, tooLarge);
/** A page number in a query. */
export const pageNumber = z.coerce.number().int().min(1).max(1_000_000, { message: 'at most 1000000' });

/** A calendar date that exists, yyyy-mm-dd, between the years 1900 and 2999. */
export const isoDate = z.iso
  .date({ message: 'a date that exists, as yyyy-mm-dd (e.g. 2025-02-28)' })
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900-01-01 and 2999-12-31');
