import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { z } from 'zod'

export const passwordMinLength = 8
export const passwordMaxLength = 128

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const argonOptions = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
}

const commonPasswords = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
)

export function isCommonPassword(password: string) {
  return commonPasswords.has(password.toLowerCase())
}

/** The password rule for every form that sets one; messages are catalogue keys. */
export const newPasswordSchema = z
  .string({ error: 'errors.required' })
  .min(passwordMinLength, { error: 'errors.passwordTooShort' })
  .max(passwordMaxLength, { error: 'errors.passwordTooLong' })
  .refine((p) => !isCommonPassword(p), { error: 'errors.passwordTooCommon' })

export function hashPassword(password: string) {
  return hash(password, argonOptions)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// A real hash of a random password, verified against when the account does not exist, so
// that a login for an unknown e-mail takes as long as one for a known e-mail.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash() {
  decoyHash ??= hashPassword(crypto.randomUUID())
  return decoyHash
}
