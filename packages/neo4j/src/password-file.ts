import { readFileSync, statSync } from 'node:fs';

/**
 * Reads a Neo4j password from a file (the local Neo4j's `<home>/password`,
 * or NEO4J_PASSWORD_FILE), refusing one that other users of the machine can
 * read or change: such a password is not a secret any more, and using it
 * would hide that.
 */
export function readPasswordFile(file: string, whenLeaked = 'then change the password'): string {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new Error(`cannot read the Neo4j password file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!st.isFile()) throw new Error(`the Neo4j password file ${file} is not a file`);
  if (process.platform !== 'win32') {
    if (st.mode & 0o077)
      throw new Error(
        `the Neo4j password file ${file} is open to other users (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}): ` +
          `run "chmod 600 ${file}" if nobody else can have read it; if someone may have, ${whenLeaked}`,
      );
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) throw new Error(`the Neo4j password file ${file} belongs to another user (uid ${st.uid})`);
  }
  const password = readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`the Neo4j password file ${file} is empty`);
  return password;
}
