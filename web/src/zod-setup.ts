/**
 * Imported first: the CSP forbids eval, so zod must never compile validators
 * with `new Function` (nor probe for it). Schemas read this flag when they are
 * built, hence before any schema module is evaluated.
 */
import { z } from 'zod';

z.config({ jitless: true });
