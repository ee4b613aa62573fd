import { buildTemplate } from './test-database.ts'

export default async function globalSetup() {
  process.env.TEST_RUN_ID ??= `${Date.now().toString(36)}_${process.pid}`
  return buildTemplate()
}
