// The server's clock for money and order housekeeping. `CLOCK_SHIFT_DAYS` runs it that many
// days ahead, so that a demo or an end-to-end test can see what happens once the withdrawal
// window and the hold period have passed without waiting for them. Never set in production.
export function clockShiftDays(): number {
  const days = Number(process.env.CLOCK_SHIFT_DAYS ?? 0)
  return Number.isInteger(days) && days >= 0 && days <= 3650 ? days : 0
}

export function serverNow(): Date {
  return new Date(Date.now() + clockShiftDays() * 24 * 3600 * 1000)
}
