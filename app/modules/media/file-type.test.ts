import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { detectFileType } from './file-type.ts'

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#a0522d' } })

function ftyp(major: string, compatible: string[]) {
  const size = 16 + compatible.length * 4
  const box = Buffer.alloc(size + 8)
  box.writeUInt32BE(size, 0)
  box.write('ftyp', 4, 'ascii')
  box.write(major, 8, 'ascii')
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'ascii'))
  return box
}

describe('detectFileType', () => {
  test('recognises the images sharp makes by their bytes', async () => {
    expect(detectFileType(await pixel().jpeg().toBuffer())).toBe('jpeg')
    expect(detectFileType(await pixel().png().toBuffer())).toBe('png')
    expect(detectFileType(await pixel().webp().toBuffer())).toBe('webp')
    expect(detectFileType(await pixel().avif().toBuffer())).toBe('avif')
  })

  test('recognises a PDF', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toBe('pdf')
  })

  test('recognises AVIF whether its brand is the major one or a compatible one', () => {
    expect(detectFileType(ftyp('avif', ['mif1', 'miaf']))).toBe('avif')
    expect(detectFileType(ftyp('avis', ['avif']))).toBe('avif')
    expect(detectFileType(ftyp('mif1', ['miaf', 'avif']))).toBe('avif')
  })

  test('refuses HEIC and other ISO-BMFF files', () => {
    expect(detectFileType(ftyp('heic', ['mif1', 'heic']))).toBeNull()
    expect(detectFileType(ftyp('isom', ['iso2', 'mp41']))).toBeNull()
  })

  test('refuses what is not one of the five types, whatever it is called', async () => {
    const refused = [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'),
      Buffer.from('just some text that someone renamed to photo.jpg'),
      await pixel().gif().toBuffer(),
      await pixel().tiff().toBuffer(),
      Buffer.from('BM'),
      Buffer.from('  %PDF-1.4'),
      Buffer.from('RIFF\0\0\0\0WAVEfmt '),
      Buffer.alloc(0),
      Buffer.from([0xff, 0xd8]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    ]
    for (const bytes of refused) expect(detectFileType(bytes), bytes.toString('latin1')).toBeNull()
  })
})
