import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id, oneOf, timestamptz } from './columns.ts'

/** The outbox: every message is written here first, in the transaction that caused it. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    channel: text('channel').notNull().default('email'),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_status_idx').on(t.status, t.createdAt),
    check('notifications_status_check', oneOf('status', ['pending', 'sent', 'failed', 'held'])),
    check('notifications_channel_check', oneOf('channel', ['email'])),
  ],
)
