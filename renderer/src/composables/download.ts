/**
 * Saving a file core produced (an export) the way a browser does: a Blob
 * and a temporary `<a download>`. In Electron this opens the save dialog;
 * no path ever comes from the page.
 */
import type { ExportedFile } from '../../../shared/audit';

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A `blob:` URL holding the bytes of a base64 string, typed `mimeType`; revoke it once no longer shown. */
export function blobUrl(base64: string, mimeType: string): string {
  return URL.createObjectURL(new Blob([base64Bytes(base64)], { type: mimeType }));
}

/** URLs of files shown in the page (not saved): revoked when the page no longer shows them. */
export const revokeBlobUrl = (url: string): void => URL.revokeObjectURL(url);

export function saveFile(file: ExportedFile): void {
  const url = blobUrl(file.base64, file.mimeType);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
