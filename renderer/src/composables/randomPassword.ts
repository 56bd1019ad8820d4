/**
 * An initial password for the administrator to hand over: random, with
 * all four character classes, and without look-alike characters (0/O,
 * 1/l/I), because it is read off the screen and typed by someone else.
 */
const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+-=?@'] as const;

function randomIndex(size: number): number {
  // Rejection sampling: no bias towards the first characters.
  const limit = Math.floor(0x1_0000_0000 / size) * size;
  const value = new Uint32Array(1);
  do crypto.getRandomValues(value);
  while ((value[0] ?? 0) >= limit);
  return (value[0] ?? 0) % size;
}

const pick = (alphabet: string): string => alphabet.charAt(randomIndex(alphabet.length));

export function randomPassword(length = 12): string {
  const all = classes.join('');
  const chars = [
    ...classes.map(pick),
    ...Array.from({ length: Math.max(0, length - classes.length) }, () => pick(all)),
  ];
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
