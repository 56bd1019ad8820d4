/**
 * The crop frame of a 学籍照片 (26 × 32 mm, DOMAIN.md "Practical facts"),
 * kept in whole source pixels. The frame is sized by its width; its height
 * is the width's 32/26 rounded, which keeps 26:32 within 0.2 % at any size
 * core accepts (core allows 2 %). It is never smaller than the national
 * 358 × 441, which core requires. Pure, so the dialog and the tests share it.
 */
import { type CropRect, photoSpec } from '../../../shared/register/photos';

export interface PictureSize {
  readonly width: number;
  readonly height: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/** The frame's height for a width: 26:32, in whole pixels. */
export const cropHeightFor = (width: number): number => Math.round((width * 32) / 26);

/** The smallest frame width: the national photo's 358 pixels (its height is then 441). */
export const minCropWidth = photoSpec.width;

/** The widest frame that fits the picture. */
export function maxCropWidth(picture: PictureSize): number {
  return Math.min(picture.width, Math.floor((picture.height * 26) / 32));
}

/** The picture is large enough for a 358 × 441 frame. */
export const canCrop = (picture: PictureSize): boolean => maxCropWidth(picture) >= minCropWidth;

/** A frame of this width with its top-left corner near (left, top), moved inside the picture. */
function place(picture: PictureSize, width: number, left: number, top: number): CropRect {
  const height = cropHeightFor(width);
  return {
    left: clamp(Math.round(left), 0, picture.width - width),
    top: clamp(Math.round(top), 0, picture.height - height),
    width,
    height,
  };
}

/** The frame a picture opens with: the largest 26:32 area, centred. */
export function initialCrop(picture: PictureSize): CropRect {
  const width = maxCropWidth(picture);
  return place(picture, width, (picture.width - width) / 2, (picture.height - cropHeightFor(width)) / 2);
}

/** The frame at another width, keeping its centre where the picture allows. */
export function resizeCrop(picture: PictureSize, crop: CropRect, width: number): CropRect {
  const size = clamp(Math.round(width), minCropWidth, maxCropWidth(picture));
  const centreX = crop.left + crop.width / 2;
  const centreY = crop.top + crop.height / 2;
  return place(picture, size, centreX - size / 2, centreY - cropHeightFor(size) / 2);
}

/**
 * The frame `start` dragged by (dx, dy) screen pixels, the picture being
 * shown at `scale` screen pixels per source pixel. Measured from where the
 * drag started, so rounding does not add up over many small moves.
 */
export function moveCrop(picture: PictureSize, start: CropRect, dx: number, dy: number, scale: number): CropRect {
  return place(picture, start.width, start.left + dx / scale, start.top + dy / scale);
}

/** Screen pixels per source pixel to show a picture inside a box; never enlarged. */
export function fitScale(picture: PictureSize, box: PictureSize): number {
  return Math.min(1, box.width / picture.width, box.height / picture.height);
}
