import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import {
  clearSessionCookie,
  getSessionUser,
  revokeSession,
  toastCookie,
} from '#app/modules/auth/session.server.ts'

// Logging out changes state, so it is an action only; a GET here is simply sent home.
export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  guardPublicMutation(request)
  // Also a session still waiting for its second factor.
  const user = await getSessionUser(request)
  if (user) await revokeSession(user.sessionId)
  const headers = new Headers()
  headers.append('Set-Cookie', await clearSessionCookie())
  headers.append('Set-Cookie', await toastCookie('logout.done'))
  return redirect('/', { headers })
}
