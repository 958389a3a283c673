/** A rectangle in pixels of the original image (what react-easy-crop reports as `croppedAreaPixels`). */
export type PixelArea = { x: number; y: number; width: number; height: number };

/** The server refuses images over 4,000 px a side; the cropped copy stays well inside that. */
const maxSide = 3200;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image'));
    img.src = src;
  });
}

/** The output type: PNG stays PNG (logos, screenshots with text), everything else becomes JPEG. */
export function croppedType(sourceType: string): 'image/png' | 'image/jpeg' {
  return sourceType === 'image/png' ? 'image/png' : 'image/jpeg';
}

/**
 * Cuts `area` out of the image at `src` (an object URL of the chosen file) on a canvas, scaled down to at most
 * 3,200 px a side, and answers it as a file of the same base name. The server decodes it again, strips what is
 * left of the metadata and makes its own sizes, so the browser's encoding is only an intermediate copy.
 */
export async function cropToFile(src: string, area: PixelArea, name: string, sourceType: string): Promise<File> {
  const img = await loadImage(src);
  const scale = Math.min(1, maxSide / Math.max(area.width, area.height));
  const width = Math.max(1, Math.round(area.width * scale));
  const height = Math.max(1, Math.round(area.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  const type = croppedType(sourceType);
  if (type === 'image/jpeg') {
    // A transparent area would turn black in a JPEG.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, area.x, area.y, area.width, area.height, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.9));
  if (!blob) throw new Error('canvas');
  const base = name.replace(/\.[^.]*$/, '') || 'gambar';
  return new File([blob], `${base}.${type === 'image/png' ? 'png' : 'jpg'}`, { type });
}
