// Calendar days as people in Morocco count them (Africa/Casablanca): the periods of statements
// and reconciliations, and the dates written on them.
import { marketplaceTimeZone } from '#app/modules/i18n/format.ts'

/** Whether a text is a day of the calendar written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The calendar day in Casablanca at this instant, as YYYY-MM-DD. */
export function casablancaDay(at: Date) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: marketplaceTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

/** The instant a Casablanca day begins. */
export function casablancaMidnight(dayText: string): Date {
  const utc = new Date(`${dayText}T00:00:00Z`)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: marketplaceTimeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(utc)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!)
  return new Date(utc.getTime() - (local - utc.getTime()))
}
