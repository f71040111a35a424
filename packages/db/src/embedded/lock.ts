import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { isAlive } from './postmaster.ts';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `CTIS is already running on the data directory ${dataDir} (process ${pid}). ` +
        'Stop that process first, or point CTIS_DATA_DIR at another directory. ' +
        'Commands such as `npx ctis migrate` connect to the running database by themselves.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * An exclusive lock on a data directory: a file holding our pid, created with O_EXCL.
 * A lock left by a dead process (kill -9, power loss) is taken over.
 */
export function acquireLock(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
