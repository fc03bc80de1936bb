/**
 * What a profile importer is. Each format has one file in profiles/importers/ exporting an
 * Importer; sniff.ts picks the importer by content, not by file name.
 */
import type { Profile } from './model';

/** A profile file's content, decompressed, with its name for messages. */
export interface ProfileInput {
  /** The file's path or name as the user gave it. */
  name: string;
  bytes: Uint8Array;
  /** The first bytes decoded as text (at most a few KB), for sniffing text formats. */
  head: string;
}

export interface Importer {
  /** Short id, also `Profile.format`: `v8-cpuprofile`, `pprof`, `folded`… */
  format: string;
  /** What users call the format: "V8 CPU profile (.cpuprofile)". */
  title: string;
  /** True when the content looks like this format. Cheap: looks at `head` or the first bytes. */
  sniff(input: ProfileInput): boolean;
  /** Reads the whole file; throws ProfileError naming the problem when the content is not valid. */
  read(input: ProfileInput): Profile;
}

/** A profile that cannot be read, with a message that names the file and what is wrong. */
export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ProfileError';
  }
}
