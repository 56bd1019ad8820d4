/**
 * Uploads cross the contract as base64 text. An oversized one (a 1 GB file
 * picked by mistake) is refused at its length, before the base64 pattern
 * scans it, so the clerk's window answers at once instead of after seconds.
 */
import { describe, expect, it } from 'vitest';
import { apiArgSchemas } from '../../shared/api-schemas';

/** More than any upload's bound, and not base64 at its end: a pattern run would add a second issue. */
const oversized = `${'A'.repeat(100_000_000)}!`;

const uploads = {
  setStudentPhoto: [1, { fileName: 'photo.jpg', base64: oversized, crop: null }],
  addEvidence: [1, { kind: 'signedForm', fileName: 'scan.pdf', base64: oversized }],
  dryRunImport: [{ fileName: 'students.xlsx', base64: oversized, classId: null }],
  setFallbackFont: [{ fileName: 'font.ttf', base64: oversized }],
} as const;

describe('upload sizes at the contract', () => {
  for (const [method, args] of Object.entries(uploads)) {
    it(`${method} refuses an oversized file by its length alone`, () => {
      const result = apiArgSchemas[method as keyof typeof uploads].safeParse(args);
      expect(result.success).toBe(false);
      const base64Issues = result.error!.issues.filter((issue) => issue.path.includes('base64'));
      expect(base64Issues.map((issue) => issue.code)).toEqual(['too_big']);
    });
  }

  it('accepts a well-formed small upload', () => {
    const result = apiArgSchemas.addEvidence.safeParse([
      1,
      { kind: 'signedForm', fileName: 'a.png', base64: 'iVBORw==' },
    ]);
    expect(result.success).toBe(true);
  });
});
