/**
 * What a backup folder holds (`npm run backup`, `npm run restore`): the database copy, and the server
 * key files under fixed names, so a restore on another machine puts them where its own configuration
 * expects its key (SHIFTPASS_SECRET_KEY_FILE or `$DATA_DIR/server.key`).
 */
import { serverKeyFilesOf } from '../server/platform/server-key.js';

export const BACKUP_DATABASE_FILE = 'shiftpass.db';

/** The key and, after a rotation (`server-key:rotate`), the previous key it still accepts. */
export function keyFilesOf(keyFile: string): { path: string; name: string }[] {
  const files = serverKeyFilesOf(keyFile);
  return [
    { path: files.current, name: 'server.key' },
    { path: files.previous, name: 'server.previous.key' },
  ];
}
