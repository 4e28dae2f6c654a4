import type { ThrottleRule } from '../../domain/access/sign-in-throttle.ts';

/** How long sign-ins last and how often they may fail; the numbers live here once. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000; // sliding: 12 h after the last request
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000; // absolute: a week after sign-in
export const SESSION_TOUCH_MS = 60 * 1000; // the sliding expiry is written at most once a minute
const MINUTE = 60 * 1000;
/** an account from one network (IPv4 address, IPv6 /64): 5 attempts, then 15 min, 30, 60 … up to a day */
export const ACCOUNT_NETWORK_RULE: ThrottleRule = { max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, mode: 'lock' };
/** a network across accounts: 30 attempts in 15 minutes, then the same growing lockouts */
export const NETWORK_RULE: ThrottleRule = { max: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, mode: 'lock' };
/** an account from every network together: past 20 attempts in 15 minutes, one attempt per 30 s (it slows, never locks) */
export const ACCOUNT_RULE: ThrottleRule = { max: 20, windowMs: 15 * MINUTE, lockMs: 30 * 1000, mode: 'slow' };
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
