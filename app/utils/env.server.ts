import { z } from 'zod'

const booleanFromString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the marketplace, used in e-mails and canonical URLs. */
  APP_URL: z.url().optional(),
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Folder for the embedded database and uploaded files. */
  DATA_DIR: z.string().default('./data'),
  /** Comma-separated secrets; the first signs new cookies, the others are still accepted. */
  SESSION_SECRET: z.string().optional(),
  /**
   * Comma-separated keys (newest first, at least 32 characters each) that encrypt the TOTP
   * secrets of two-factor authentication; when unset, derived from the session secrets.
   */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.split(',').every((k) => k.trim().length >= 32), {
      message: 'each key must be at least 32 characters',
    }),
  /** Whether cookies carry Secure and the __Host- prefix; defaults to true in production. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Load the invented demo cooperatives at first start of an empty database. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** SMTP relay, e.g. smtp://user:pass@host:587; when unset e-mails stay in the outbox (/dev/mail). */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Show the outbox at /dev/mail; on by default outside production. Never enable it on a public site. */
  DEV_MAILBOX: z.enum(['true', 'false']).optional(),
  MAIL_FROM: z.string().default('Taawun <no-reply@taawun.ma>'),
  /** The association's address on the contact page (questions, complaints, personal data). */
  CONTACT_EMAIL: z.email().default('contact@taawun.ma'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-For from a reverse proxy when computing client IPs for rate limits. */
  TRUST_PROXY: booleanFromString,
  /** Stripe secret key of the association's account (sk_…); with the webhook secret, enables card payments. */
  STRIPE_SECRET_KEY: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_ or sk_live_')
        .optional(),
    ),
  /** Signing secret of the webhook endpoint /webhooks/stripe (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().startsWith('whsec_', 'must start with whsec_').optional()),
  /** Another host for Stripe's API (a stand-in for tests and offline demos), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url().optional()),
})

export type Env = z.infer<typeof schema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = schema
    .refine((env) => Boolean(env.STRIPE_SECRET_KEY) === Boolean(env.STRIPE_WEBHOOK_SECRET), {
      message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all',
      path: ['STRIPE_WEBHOOK_SECRET'],
    })
    .safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.')}: ${i.message}`)
      .join('\n')
    throw new Error(`Invalid environment variables:\n${problems}`)
  }
  cached = parsed.data
  return cached
}

/** Only for tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined
}

export function isProduction() {
  return getEnv().NODE_ENV === 'production'
}

export function secureCookiesEnabled() {
  const env = getEnv()
  if (env.SECURE_COOKIES) return env.SECURE_COOKIES === 'true'
  return env.NODE_ENV === 'production'
}

export function devMailboxEnabled() {
  const env = getEnv()
  if (env.DEV_MAILBOX) return env.DEV_MAILBOX === 'true'
  return env.NODE_ENV !== 'production'
}
