/** How long sign-ins last and how often they may fail; the numbers live here once. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000; // sliding: 12 h after the last request
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000; // absolute: a week after sign-in
export const SESSION_TOUCH_MS = 60 * 1000; // the sliding expiry is written at most once a minute
export const ACCOUNT_MAX_FAILURES = 5;
export const ACCOUNT_LOCK_MS = 15 * 60 * 1000;
export const IP_MAX_FAILURES = 30;
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
