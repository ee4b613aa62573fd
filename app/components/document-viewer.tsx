import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

type PdfState = { status: 'loading' } | { status: 'ready'; pages: number } | { status: 'failed' }

/**
 * A private PDF drawn page by page on canvases in our own page, with PDF.js (loaded only
 * here). The file itself is only ever served as an attachment: no browser PDF viewer runs
 * it from our origin (its scripts and forms stay inert: PDF.js draws, it does not execute),
 * and it works where the browser has no inline PDF viewer (Android Chrome).
 */
function PdfPages({ src, label }: { src: string; label: string }) {
  const { t } = useTranslation()
  const container = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<PdfState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    let destroy: (() => void) | undefined
    async function render() {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
      const { default: workerSrc } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')
      pdfjs.GlobalWorkerOptions.workerSrc = workerSrc
      const task = pdfjs.getDocument({
        url: src,
        withCredentials: true,
        isEvalSupported: false,
        enableXfa: false,
        stopAtErrors: false,
      })
      destroy = () => void task.destroy()
      const pdf = await task.promise
      if (cancelled) return
      const target = container.current
      if (!target) return
      target.replaceChildren()
      const width = target.clientWidth || 800
      const ratio = Math.min(window.devicePixelRatio || 1, 2)
      // A long file is shown up to a sensible number of pages; the rest is in the download.
      const shown = Math.min(pdf.numPages, 30)
      for (let number = 1; number <= shown; number++) {
        const page = await pdf.getPage(number)
        if (cancelled) return
        const unscaled = page.getViewport({ scale: 1 })
        const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio })
        const canvas = document.createElement('canvas')
        canvas.width = Math.floor(viewport.width)
        canvas.height = Math.floor(viewport.height)
        canvas.style.width = '100%'
        canvas.className = 'rounded border bg-white'
        canvas.setAttribute('role', 'img')
        canvas.setAttribute('aria-label', t('hardening.viewer.page', { label, page: number }))
        target.append(canvas)
        const context = canvas.getContext('2d')
        if (!context) continue
        await page.render({ canvasContext: context, viewport, annotationMode: 0 }).promise
      }
      setState({ status: 'ready', pages: pdf.numPages })
    }
    render().catch(() => {
      if (!cancelled) setState({ status: 'failed' })
    })
    return () => {
      cancelled = true
      destroy?.()
    }
  }, [src, label, t])

  // No live region: the page's own status (the toast of a decision) is the one to announce.
  return (
    <div className="flex flex-col gap-2">
      {state.status === 'loading' ? (
        <p className="text-ink-soft">{t('hardening.viewer.loading')}</p>
      ) : null}
      {state.status === 'failed' ? (
        <p className="text-ink-soft">{t('hardening.viewer.failed')}</p>
      ) : null}
      {state.status === 'ready' && state.pages > 30 ? (
        <p className="text-ink-soft">{t('hardening.viewer.morePages', { pages: state.pages })}</p>
      ) : null}
      <div ref={container} className="flex max-h-[40rem] flex-col gap-3 overflow-y-auto" />
    </div>
  )
}

/**
 * A private document or evidence file shown in the page: a photo as an image, a PDF drawn
 * by PDF.js; always with a link that downloads the file itself.
 */
export function DocumentViewer({
  src,
  contentType,
  label,
}: {
  src: string
  contentType: string
  label: string
}) {
  const { t } = useTranslation()
  return (
    <figure className="card flex flex-col gap-2">
      <figcaption className="flex flex-wrap justify-between gap-2 font-semibold">
        {label}
        <a href={src} download>
          {t('hardening.viewer.download')}
        </a>
      </figcaption>
      {contentType === 'application/pdf' ? (
        <PdfPages src={src} label={label} />
      ) : (
        <img src={src} alt={label} className="max-h-[32rem] w-full rounded object-contain" />
      )}
    </figure>
  )
}
