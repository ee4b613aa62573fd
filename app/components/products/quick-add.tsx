import { Camera, Images } from 'lucide-react'
import { type ChangeEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldError } from '#app/components/forms.tsx'

/** The round step number before a quick-add section's title. */
export function StepNumber({ n }: { n: number }) {
  return (
    <span
      aria-hidden
      className="me-2 inline-flex size-8 items-center justify-center rounded-full bg-blue text-white"
    >
      {n}
    </span>
  )
}

const accept = 'image/jpeg,image/png,image/webp,image/avif'

/**
 * Step 1 of the quick add, at the top of the screen: the product's photo.
 *
 * Two file inputs, both named `photo`: the first has `capture="environment"`, which on a
 * phone opens the back camera straight away; the second has no `capture`, so the phone
 * offers its gallery (a photo taken earlier, or sent on WhatsApp). An input with `capture`
 * cannot also offer the gallery on most phones, hence two. The server keeps the one photo
 * chosen (an input left empty is not sent as a file). With JavaScript, choosing in one
 * input empties the other, and the chosen photo is shown before saving (an object URL, never
 * uploaded until the form is sent); without it, each input shows the chosen file's name.
 */
export function PhotoStep({ error, autoFocus }: { error?: string; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const camera = useRef<HTMLInputElement>(null)
  const gallery = useRef<HTMLInputElement>(null)
  const [preview, setPreview] = useState<string | null>(null)
  useEffect(() => {
    if (!preview) return
    return () => URL.revokeObjectURL(preview)
  }, [preview])

  function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    const other = event.currentTarget === camera.current ? gallery.current : camera.current
    if (file && other) other.value = ''
    setPreview(file ? URL.createObjectURL(file) : null)
  }

  const inputProps = {
    type: 'file',
    name: 'photo',
    accept,
    onChange: chosen,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? 'photo-error' : undefined,
    className:
      'max-w-full text-sm font-normal text-ink-soft file:me-2 file:rounded-lg file:border-0 file:bg-white file:px-3 file:py-2 file:font-semibold file:text-blue-dark',
  } as const
  const optionClass =
    'flex min-h-32 cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-blue bg-blue-light p-4 text-center font-semibold text-blue-dark has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue'

  return (
    <section className="card flex flex-col gap-3">
      <h2 className="text-xl font-semibold">
        <StepNumber n={1} />
        {t('newProduct.stepPhoto')}
      </h2>
      {preview ? (
        <img
          src={preview}
          alt={t('newProduct.photoPreview')}
          className="aspect-square w-full max-w-64 self-center rounded-xl object-cover"
        />
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className={optionClass}>
          <Camera aria-hidden size={40} />
          {t('newProduct.takePhoto')}
          <input ref={camera} {...inputProps} capture="environment" autoFocus={autoFocus} />
        </label>
        <label className={optionClass}>
          <Images aria-hidden size={40} />
          {t('newProduct.photo')}
          <input ref={gallery} {...inputProps} />
        </label>
      </div>
      <FieldError id="photo-error" error={error} />
    </section>
  )
}
