import { fileTypeFromBuffer } from 'file-type';
import { Problem } from '../errors/problem.ts';

/**
 * The type of a file read from its content (magic bytes), never from its
 * name or the Content-Type the client claimed: a renamed executable is not a
 * PDF. Refuses with 415 what is not in the allow-list, naming what was found.
 */
export async function sniffAllowedType(content: Buffer, allowed: readonly string[], what: string): Promise<string> {
  const found = await fileTypeFromBuffer(content);
  if (found !== undefined && allowed.includes(found.mime)) return found.mime;
  const seen = found === undefined ? 'a file of unknown type' : `a ${found.mime} file (.${found.ext})`;
  throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', `${what} must be one of ${allowed.join(', ')}; this is ${seen}.`);
}
