/**
 * The audit anchor: `audit-anchor.json` beside the database records the
 * log's last sequence number and hash, MAC'd with the data key. Rows cut
 * from the tail leave a valid chain behind; the anchor still names the
 * head that was there. Written after every call that appended events.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomically } from '../files';
import type { AuditHead } from './auditLog';

const anchorSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  mac: z.string(),
});
export type Anchor = z.infer<typeof anchorSchema>;

function mac(dataKey: Buffer, installationId: string, seq: number, hash: string): string {
  return createHmac('sha256', dataKey)
    .update(`xuejidesk-audit-anchor/v1/${installationId}/${seq}/${hash}`)
    .digest('hex');
}

export function writeAnchor(file: string, dataKey: Buffer, installationId: string, head: AuditHead): void {
  const anchor: Anchor = { seq: head.seq, hash: head.hash, mac: mac(dataKey, installationId, head.seq, head.hash) };
  writeFileAtomically(file, `${JSON.stringify(anchor)}\n`);
}

export type AnchorReading =
  | { readonly state: 'valid'; readonly seq: number; readonly hash: string }
  | { readonly state: 'missing' }
  | { readonly state: 'forged' };

export function readAnchor(file: string, dataKey: Buffer, installationId: string): AnchorReading {
  if (!existsSync(file)) return { state: 'missing' };
  try {
    const anchor = anchorSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const expected = Buffer.from(mac(dataKey, installationId, anchor.seq, anchor.hash), 'hex');
    const given = Buffer.from(anchor.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { state: 'valid', seq: anchor.seq, hash: anchor.hash }
      : { state: 'forged' };
  } catch {
    return { state: 'forged' };
  }
}
