import { sql } from 'drizzle-orm'
import { timestamp, uuid } from 'drizzle-orm/pg-core'

export function id() {
  return uuid('id').primaryKey().defaultRandom()
}

export function createdAt() {
  return timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
}

export function updatedAt() {
  return timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date())
}

export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true })
}

/** `value IN (...)` for a text column holding one of a fixed set of codes. */
export function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(', ')})`)
}
