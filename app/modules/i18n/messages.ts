import { type ClientPart, mergeMessages, type Messages } from './catalogue.ts'
import { defaultLanguage, isLanguage } from './config.ts'

// Each part of each language is its own content-hashed chunk; only the page's language is fetched.
const chunks = import.meta.glob<{ default: Messages }>(
  '../../locales/*/{storefront,account,info,backoffice}.json',
)

/** The messages the browser holds so far, read by the translator at each call. */
export const clientMessages: Messages = {}

const loading = new Map<ClientPart, Promise<void>>()

/**
 * Fetches parts of the page's catalogue into `clientMessages`, once. A route module whose
 * screens use a part awaits this at its top level: Remix imports the module (and so waits for
 * the messages) before it renders the route, both at hydration and on client navigation.
 * On the server, which holds every message, it does nothing.
 */
export async function loadMessages(...parts: ClientPart[]): Promise<void> {
  if (typeof document === 'undefined') return
  await Promise.all(parts.map(loadPart))
}

function loadPart(part: ClientPart): Promise<void> {
  let pending = loading.get(part)
  if (!pending) {
    const lang = document.documentElement.lang
    const language = isLanguage(lang) ? lang : defaultLanguage
    const load = chunks[`../../locales/${language}/${part}.json`]
    pending = load
      ? load().then(
          (chunk) => void mergeMessages(clientMessages, chunk.default),
          (error: unknown) => {
            // A failed download is tried again by the next route that needs the part.
            loading.delete(part)
            throw error
          },
        )
      : Promise.resolve()
    loading.set(part, pending)
  }
  return pending
}
