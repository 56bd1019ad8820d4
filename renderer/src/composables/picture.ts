/**
 * A picture the clerk picks from disk (学籍照片 import): its bytes as base64
 * for the contract, a data URL to show, and its size in pixels as the
 * browser shows it (upright, as core's EXIF-aware reading sees it too).
 */

export interface PickedPicture {
  readonly fileName: string;
  readonly base64: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** The file chosen in a file input; the input is emptied so the same file can be chosen again. */
export function takeChosenFile(input: HTMLInputElement | null): File | null {
  const file = input?.files?.[0] ?? null;
  if (input) input.value = '';
  return file;
}

/** A file's bytes as a `data:` URL (its base64 follows the first comma). */
export const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });

const pixelSize = (url: string): Promise<{ width: number; height: number }> =>
  new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new Error('not a picture the browser can show'));
    image.src = url;
  });

/** Rejects when the file cannot be read or is not a picture. */
export async function readPicture(file: File): Promise<PickedPicture> {
  const url = await readAsDataUrl(file);
  const size = await pixelSize(url);
  return { fileName: file.name, base64: url.slice(url.indexOf(',') + 1), url, ...size };
}
