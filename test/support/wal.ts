// Counting transactions where they land: the commit frames in a SQLite WAL file, one per COMMIT.
import { readFileSync } from 'node:fs';

/**
 * Commit frames in a WAL file: a frame header's second word is the database size after a commit,
 * and zero on every other frame. Frames whose salts differ from the header's are left over from
 * before the WAL was restarted and do not count.
 */
export function walCommits(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) break;
    if (wal.readUInt32BE(offset + 4) !== 0) commits++;
  }
  return commits;
}
