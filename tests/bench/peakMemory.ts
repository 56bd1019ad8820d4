/**
 * A probe process's own peak memory. Node's `resourceUsage().maxRSS` is the
 * kernel's ru_maxrss, which Linux carries over from the parent across exec:
 * a probe spawned by the bench (holding a generated 50k school, over 600 MB)
 * reported the parent's peak as its own. VmHWM in /proc/self/status is the
 * high-water mark of this process's memory alone; elsewhere maxRSS is all
 * there is.
 */
import { existsSync, readFileSync } from 'node:fs';

export function peakRssMb(): number {
  if (existsSync('/proc/self/status')) {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kilobytes) return Number(kilobytes) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}
