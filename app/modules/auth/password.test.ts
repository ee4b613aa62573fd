import { describe, expect, test } from 'vitest'
import {
  hashPassword,
  isCommonPassword,
  newPasswordSchema,
  verifyPassword,
} from './password.server.ts'

describe('passwords', () => {
  test('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('olive-terrace-2026')
    expect(hash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(hash, 'olive-terrace-2026')).toBe(true)
    expect(await verifyPassword(hash, 'olive-terrace-2027')).toBe(false)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
  })

  test('must be 8 to 128 characters and not among the most common', () => {
    expect(newPasswordSchema.safeParse('short').success).toBe(false)
    expect(newPasswordSchema.safeParse('a'.repeat(129)).success).toBe(false)
    expect(newPasswordSchema.safeParse('a-long-but-fine passphrase '.repeat(2)).success).toBe(true)
    expect(newPasswordSchema.safeParse('x'.repeat(64) + 'y').success).toBe(true)
    for (const common of ['password', 'Password1', '12345678', 'qwertyuiop', 'iloveyou']) {
      expect(isCommonPassword(common), common).toBe(true)
      expect(newPasswordSchema.safeParse(common).success, common).toBe(false)
    }
  })
})
