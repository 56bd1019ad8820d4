/** The 学籍照片 crop frame: whole source pixels, 26:32 within core's tolerance, never under 358 × 441. */
import { describe, expect, it } from 'vitest';
import { type CropRect, photoCropProblem } from '../../shared/register/photos';
import {
  canCrop,
  cropHeightFor,
  fitScale,
  initialCrop,
  maxCropWidth,
  moveCrop,
  resizeCrop,
} from '../../renderer/src/format/photoCrop';

describe('photo crop frame', () => {
  const picture = { width: 1000, height: 1500 };
  const isNational = (crop: CropRect, size = picture): boolean =>
    [crop.left, crop.top, crop.width, crop.height].every(Number.isInteger) &&
    photoCropProblem(crop, size.width, size.height) === null;

  it('opens with the largest 26:32 frame, centred, in whole pixels', () => {
    const crop = initialCrop(picture);
    expect(crop).toEqual({ left: 0, top: 135, width: 1000, height: 1231 });
    expect(isNational(crop)).toBe(true);
    const wide = { width: 4000, height: 3000 };
    expect(initialCrop(wide)).toEqual({ left: 782, top: 1, width: 2437, height: 2999 });
    expect(isNational(initialCrop(wide), wide)).toBe(true);
  });

  it('fits the national 358 × 441 exactly and refuses anything smaller', () => {
    expect(initialCrop({ width: 358, height: 441 })).toEqual({ left: 0, top: 0, width: 358, height: 441 });
    expect(canCrop({ width: 358, height: 441 })).toBe(true);
    expect(canCrop({ width: 357, height: 1000 })).toBe(false);
    expect(canCrop({ width: 1000, height: 440 })).toBe(false);
  });

  it('keeps 26:32 within core’s tolerance at every width', () => {
    for (let width = 358; width <= 1000; width += 1) {
      expect(isNational({ left: 0, top: 0, width, height: cropHeightFor(width) }), `width ${width}`).toBe(true);
    }
  });

  it('moves by screen pixels at the shown scale and stays inside the picture', () => {
    const scale = fitScale(picture, { width: 440, height: 360 });
    expect(scale).toBe(0.24);
    const start = initialCrop(picture);
    expect(moveCrop(picture, start, 0, 24, scale).top).toBe(235);
    expect(moveCrop(picture, start, 0, 1000, scale).top).toBe(1500 - 1231);
    expect(moveCrop(picture, start, -50, -1000, scale)).toEqual({ ...start, left: 0, top: 0 });
  });

  it('resizes around the centre between 358 pixels and the widest that fits', () => {
    const start = initialCrop(picture);
    const smaller = resizeCrop(picture, start, 500);
    expect(smaller).toEqual({ left: 250, top: 443, width: 500, height: 615 });
    expect(resizeCrop(picture, smaller, 100).width).toBe(358);
    expect(resizeCrop(picture, smaller, 5000).width).toBe(maxCropWidth(picture));
    expect(isNational(resizeCrop(picture, smaller, 100))).toBe(true);
  });
});
