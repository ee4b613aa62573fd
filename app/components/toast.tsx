import { CheckCircle2, AlertTriangle } from 'lucide-react'

export function Toast({ toast }: { toast: { type: 'success' | 'error'; message: string } }) {
  const Icon = toast.type === 'success' ? CheckCircle2 : AlertTriangle
  return (
    <div
      role="status"
      className={`fixed bottom-4 start-4 end-4 z-40 mx-auto flex max-w-md items-center gap-3 rounded-xl p-4 font-semibold shadow-lg sm:end-auto ${
        toast.type === 'success' ? 'bg-olive text-white' : 'bg-danger text-white'
      }`}
    >
      <Icon aria-hidden size={24} />
      <span>{toast.message}</span>
    </div>
  )
}
