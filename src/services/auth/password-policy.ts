/**
 * What a new password must be, wherever one is set (user create, the admin's change,
 * reset-password): 10 to 256 characters, not the user's e-mail or its part before @,
 * not a common password (zxcvbn-ts's list of common passwords), and a zxcvbn strength
 * score of at least `minScore` (0–4; PATUH_PASSWORD_MIN_SCORE, default 3). A refusal
 * says why and what to do, in English (the message) and Indonesian (details.messages.id).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../../errors.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const DEFAULT_MIN_PASSWORD_SCORE = 3;

export type PasswordProblem = 'too-short' | 'too-long' | 'contains-email' | 'common' | 'weak';

const MESSAGES: Record<PasswordProblem, { en: string; id: string }> = {
  'too-short': {
    en: `the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters, e.g. three or four unrelated words`,
    id: `kata sandi terlalu pendek: pakai minimal ${MIN_PASSWORD_LENGTH} karakter, misalnya tiga atau empat kata yang tidak berhubungan`,
  },
  'too-long': {
    en: `the password is too long: use at most ${MAX_PASSWORD_LENGTH} characters`,
    id: `kata sandi terlalu panjang: pakai paling banyak ${MAX_PASSWORD_LENGTH} karakter`,
  },
  'contains-email': {
    en: 'the password contains the user’s e-mail address or its name part: choose one that has nothing to do with the account',
    id: 'kata sandi memuat alamat email pengguna atau namanya: pilih kata sandi yang tidak berkaitan dengan akun',
  },
  common: {
    en: 'the password is one of the most common passwords and is guessed first: choose another, e.g. three or four unrelated words',
    id: 'kata sandi ini termasuk yang paling umum dipakai dan ditebak lebih dulu: pilih yang lain, misalnya tiga atau empat kata yang tidak berhubungan',
  },
  weak: {
    en: 'the password is too easy to guess (repeats, sequences, keyboard rows, names or dates): make it longer, e.g. three or four unrelated words',
    id: 'kata sandi terlalu mudah ditebak (pengulangan, urutan, deret tombol, nama atau tanggal): buat lebih panjang, misalnya tiga atau empat kata yang tidak berhubungan',
  },
};

let factory: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function estimator(): { z: ZxcvbnFactory; commonSet: Set<string> } {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  commonPasswords ??= new Set(common.dictionary['passwords-common']);
  return { z: factory, commonSet: commonPasswords };
}

/** The first problem with a new password, or null when it may be used. */
export function passwordProblem(
  password: string,
  opts: { email?: string | null; minScore?: number } = {},
): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  const email = opts.email?.trim().toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  if (email && (lower.includes(email) || (local.length >= 3 && lower.includes(local)))) return 'contains-email';
  const { z, commonSet } = estimator();
  if (commonSet.has(lower)) return 'common';
  const result = z.check(
    password,
    [email, local, ...local.split(/[._+-]/)].filter((x) => x.length >= 3),
  );
  if (result.score >= (opts.minScore ?? DEFAULT_MIN_PASSWORD_SCORE)) return null;
  const commonMatch = result.sequence.some(
    (m) =>
      m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common' && m.token.length >= password.length - 3,
  );
  return commonMatch ? 'common' : 'weak';
}

/** Refuses a new password that breaks the policy, saying why and what to do. */
export function checkNewPassword(password: string, opts: { email?: string | null; minScore?: number } = {}): void {
  const problem = passwordProblem(password, opts);
  if (problem === null) return;
  const m = MESSAGES[problem];
  throw new AppError('VALIDATION_FAILED', m.en, { field: 'password', reason: problem, messages: m });
}
