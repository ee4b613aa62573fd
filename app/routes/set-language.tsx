import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import { isLanguage } from '#app/modules/i18n/config.ts'
import { languageCookie } from '#app/modules/i18n/i18n.server.ts'
import { readFormData } from '#app/utils/forms.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'

export async function loader() {
  return redirect('/')
}

/** Remember the chosen language and return to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  guardPublicMutation(request)
  const formData = await readFormData(request)
  const language = formData.get('language')
  if (!isLanguage(language)) throw new Response('Unknown language', { status: 400 })
  return redirect(safeRedirectPath(formData.get('redirectTo'), '/'), {
    headers: { 'Set-Cookie': await languageCookie.serialize(language) },
  })
}
