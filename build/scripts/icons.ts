/**
 * `npm run icons`: the app icons electron-builder takes from build/, drawn
 * from build/icon.svg (shapes only, so no font is needed):
 * - icon.png, 512 × 512, for Linux (AppImage, deb);
 * - icon.ico for Windows and the NSIS installer, one PNG-compressed entry
 *   per size from 16 to 256 (Windows Vista and later read these).
 * Run it after changing the SVG and commit the three files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const buildFolder = resolve(__dirname, '..');
const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;

function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  // Rendered at a density that gives the size directly, so small sizes stay sharp.
  return sharp(svg, { density: (72 * size) / 512 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file of PNG images: the 6-byte header, one 16-byte entry per image, then the images. */
function icoFile(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(join(buildFolder, 'icon.svg'));
  writeFileSync(join(buildFolder, 'icon.png'), await renderPng(svg, 512));
  const images = await Promise.all(icoSizes.map(async (size) => ({ size, png: await renderPng(svg, size) })));
  writeFileSync(join(buildFolder, 'icon.ico'), icoFile(images));
  process.stdout.write(`build/icon.png (512 × 512), build/icon.ico (${icoSizes.join(', ')})\n`);
}

void main();
