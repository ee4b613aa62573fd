import { createContext, useContext, useState } from 'react'

/** The request id, known on the server and carried to the browser in a meta tag. */
const RequestIdContext = createContext<string>('')

export const RequestIdProvider = RequestIdContext.Provider

export function useRequestId() {
  const fromServer = useContext(RequestIdContext)
  const [requestId] = useState(() => {
    if (fromServer || typeof document === 'undefined') return fromServer
    return document.querySelector('meta[name="request-id"]')?.getAttribute('content') ?? ''
  })
  return requestId
}
